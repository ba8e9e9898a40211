/// One assessment sitting: the works of one assessment, year, subject and grade across a
/// region.
///
/// The sitting is the unit in which the region's reference distribution is built:
/// every school's results in a sitting are compared with the rest of that sitting.
public struct SittingKey: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The teacher-marked all-Russian test work, the assessment most sittings are of.
    public static let vpr = "ВПР"

    /// Which assessment: ``vpr``, or a ГИА exam's name (``GIAExam/rawValue``: ОГЭ, ЕГЭ, ГВЭ).
    public var assessment: String
    /// Calendar year of the assessment, e.g. 2025.
    public var year: Int
    /// Canonical Russian subject name, e.g. «Математика».
    public var subject: String
    /// School grade (класс), 1…11.
    public var grade: Int

    public init(assessment: String = SittingKey.vpr, year: Int, subject: String, grade: Int) {
        self.assessment = assessment
        self.year = year
        self.subject = subject
        self.grade = grade
    }

    /// Whether this is a ВПР sitting (marked by the school's own teachers).
    public var isVPR: Bool { assessment == Self.vpr }

    /// The ГИА exam of the sitting, nil for ВПР.
    public var giaExam: GIAExam? { GIAExam(rawValue: assessment) }

    /// ВПР sittings first, then each exam's; within an assessment by year, subject, grade.
    public static func < (lhs: SittingKey, rhs: SittingKey) -> Bool {
        (lhs.isVPR ? 0 : 1, lhs.assessment, lhs.year, lhs.subject, lhs.grade)
            < (rhs.isVPR ? 0 : 1, rhs.assessment, rhs.year, rhs.subject, rhs.grade)
    }

    /// How a unit of this sitting is named in keys and stores: `year|subject|grade|school`
    /// for ВПР (as the first stores recorded it), `year|exam|subject|grade|school` otherwise.
    public func unitKey(school: String) -> String {
        isVPR ? "\(year)|\(subject)|\(grade)|\(school)" : "\(year)|\(assessment)|\(subject)|\(grade)|\(school)"
    }

    public var description: String {
        isVPR ? "ВПР \(year) \(subject) \(grade) класс" : "\(assessment) \(year) \(subject)"
    }
}
