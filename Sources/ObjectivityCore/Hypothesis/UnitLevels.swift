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
        let works = sitting.works.count, tasks = closed.count
        if closed.contains(true) {
            // Each work's points on the one-point tasks, in task order, over raw buffers:
            // this and the levels below run over every work of a country's sittings.
            var points = [Double](repeating: 0, count: works)
            sitting.works.taskScores.withUnsafeBufferPointer { score in
                closed.withUnsafeBufferPointer { closed in
                    points.withUnsafeMutableBufferPointer { points in
                        for w in 0..<works {
                            var sum = 0.0
                            for k in 0..<tasks {
                                let x = score[w &* tasks &+ k]
                                sum += closed[k] && x > 0 ? Double(x) : 0
                            }
                            points[w] = sum
                        }
                    }
                }
            }
            onClosedTasks = Self.levels(points, present: nil, in: sitting)
        } else {
            onClosedTasks = nil
        }
        onPrimaryScore = Self.levels(sitting.works.primaryScore.map(Double.init), present: nil, in: sitting)
        onJournal = Self.levels(sitting.works.journalMark.map { Double($0) }, present: sitting.works.journalMark.map { $0 >= 2 }, in: sitting)
    }

    /// The level for tests that condition on the journal mark (the ВПР side is under test).
    public var forVPRSide: [Double] { onClosedTasks ?? onJournal }
    /// The level for tests that condition on the ВПР score (the journal side is under test).
    public var forJournalSide: [Double] { onClosedTasks ?? onPrimaryScore }

    /// Unit means of a per-work measure, standardised by the sitting's works; works whose
    /// `present` is false are skipped (all count when it is nil). Sums in work order, over
    /// raw buffers, without an optional per work or an array per unit.
    private static func levels(_ values: [Double], present: [Bool]?, in sitting: Sitting) -> [Double] {
        values.withUnsafeBufferPointer { value in
            let all = [Bool](), mask = present ?? all
            return mask.withUnsafeBufferPointer { mask in
                let counted = { (w: Int) -> Bool in present == nil || mask[w] }
                var count = 0, sum = 0.0
                for w in value.indices where counted(w) { count += 1; sum += value[w] }
                let n = Double(max(1, count))
                let mean = sum / n
                var squares = 0.0
                for w in value.indices where counted(w) { squares += (value[w] - mean) * (value[w] - mean) }
                let variance = squares / max(1, n - 1)
                let spread = variance > 0 ? variance.squareRoot() : 1
                return (0..<Int32(sitting.schools.count)).map { school in
                    var unitCount = 0, unitSum = 0.0
                    for w in sitting.rows(ofSchool: school) where counted(w) { unitCount += 1; unitSum += value[w] }
                    guard unitCount > 0 else { return 0 }
                    return (unitSum / Double(unitCount) - mean) / spread
                }
            }
        }
    }
}
