/// One assessment sitting: the works of one year, subject and grade across a region.
///
/// The sitting is the unit in which the region's reference distribution is built:
/// every school's results in a sitting are compared with the rest of that sitting.
public struct SittingKey: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// Calendar year of the assessment, e.g. 2025.
    public var year: Int
    /// Canonical Russian subject name, e.g. «Математика».
    public var subject: String
    /// School grade (класс), 1…11.
    public var grade: Int

    public init(year: Int, subject: String, grade: Int) {
        self.year = year
        self.subject = subject
        self.grade = grade
    }

    public static func < (lhs: SittingKey, rhs: SittingKey) -> Bool {
        (lhs.year, lhs.subject, lhs.grade) < (rhs.year, rhs.subject, rhs.grade)
    }

    public var description: String { "ВПР \(year) \(subject) \(grade) класс" }
}
