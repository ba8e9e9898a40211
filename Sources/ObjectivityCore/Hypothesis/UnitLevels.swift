/// Each unit's level, measured where the manipulation under test cannot reach, for the
/// tests that must compare a unit with what the region predicts *for a school like it*.
///
/// Every level is a distance from the sitting's mean in standard deviations of its works.
/// - On one-point tasks (closed answers, right or wrong, no room for generosity): lenient
///   marking, threshold nudging and marks bent toward the journal move open answers, so
///   they hardly move it. Missing when the sitting has no one-point task (the ВПР in
///   Russian is marked by criteria throughout).
/// - On the primary score: moved by every ВПР manipulation, untouched by the journal.
/// - On the journal mark: untouched by the ВПР marking, moved by the journal's leniency.
public struct UnitLevels: Sendable {
    /// By school id; nil when the sitting has no one-point task.
    public let onClosedTasks: [Double]?
    public let onPrimaryScore: [Double]
    /// Works without a journal mark are left out; a unit without any has level 0.
    public let onJournal: [Double]

    public init(sitting: Sitting) {
        let closed = sitting.tasks.map { $0.maxScore == 1 }
        if closed.contains(true) {
            let points = (0..<sitting.works.count).map { w in
                zip(closed, sitting.works.taskScores(ofWork: w)).reduce(0.0) { $0 + ($1.0 && $1.1 > 0 ? Double($1.1) : 0) }
            }
            onClosedTasks = Self.levels(points, in: sitting)
        } else {
            onClosedTasks = nil
        }
        onPrimaryScore = Self.levels(sitting.works.primaryScore.map(Double.init), in: sitting)
        onJournal = Self.levels(sitting.works.journalMark.map { $0 >= 2 ? Double($0) : nil }, in: sitting)
    }

    /// The level for tests that condition on the journal mark (the ВПР side is under test).
    public var forVPRSide: [Double] { onClosedTasks ?? onJournal }
    /// The level for tests that condition on the ВПР score (the journal side is under test).
    public var forJournalSide: [Double] { onClosedTasks ?? onPrimaryScore }

    /// Unit means of a per-work measure, standardised by the sitting's works; nil values are skipped.
    private static func levels(_ values: [Double?], in sitting: Sitting) -> [Double] {
        let present = values.compactMap { $0 }
        let n = Double(max(1, present.count))
        let mean = present.reduce(0, +) / n
        let variance = present.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / max(1, n - 1)
        let spread = variance > 0 ? variance.squareRoot() : 1
        return (0..<Int32(sitting.schools.count)).map { school in
            let unit = values[sitting.rows(ofSchool: school)].compactMap { $0 }
            guard !unit.isEmpty else { return 0 }
            return (unit.reduce(0, +) / Double(unit.count) - mean) / spread
        }
    }
}
