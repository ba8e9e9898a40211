import ObjectivityCore

/// The ground truth for one unit (school × year × assessment × subject × grade) of a
/// simulated region.
public struct TruthRecord: Sendable, Hashable {
    public var school: String
    /// `ВПР`, or the ГИА exam of the unit (`ОГЭ`).
    public var exam: String = SittingKey.vpr
    public var year: Int
    public var subject: String
    public var grade: Int
    public var manipulated: Bool
    /// The manipulation type, or `nil` for an honest unit.
    public var type: ManipulationType?
    /// Probability that an eligible work was bent, 0…1 (0 when honest).
    public var intensity: Double
    /// Share of the unit's works that were changed, 0…1.
    public var affectedShare: Double
    /// Number of works.
    public var works: Int

    /// Column names of `truth.csv`.
    public static let header = "school,year,subject,grade,manipulated,type,intensity,affected_share,n,exam"

    /// One line of `truth.csv`.
    public var csvLine: String {
        let share = (affectedShare * 10_000).rounded() / 10_000
        let strength = (intensity * 1_000).rounded() / 1_000
        return "\(school),\(year),\(subject),\(grade),\(manipulated ? 1 : 0),\(type?.rawValue ?? ""),\(strength),\(share),\(works),\(exam)"
    }
}

extension TruthRecord {
    /// Reads one line of `truth.csv`; nil for the header or a malformed line.
    public init?(csvLine line: Substring) {
        let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        guard f.count >= 9, let year = Int(f[1]), let grade = Int(f[3]), let works = Int(f[8]) else { return nil }
        self.init(school: f[0], year: year, subject: f[2], grade: grade, manipulated: f[4] == "1", type: ManipulationType(rawValue: f[5]),
                  intensity: Double(f[6]) ?? 0, affectedShare: Double(f[7]) ?? 0, works: works)
        if f.count >= 10, !f[9].isEmpty { exam = f[9] }
    }

    /// The unit's key in the lookups of `truth.csv`, the same as the analysis names units
    /// (``SittingKey/unitKey(school:)``).
    public var key: String { SittingKey(assessment: exam, year: year, subject: subject, grade: grade).unitKey(school: school) }
}
