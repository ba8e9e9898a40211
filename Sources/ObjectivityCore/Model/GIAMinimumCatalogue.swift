/// The ГИА minimums in force, by exam, subject and year (`models/gia_minimums.csv`): a
/// line applies from its year until a later line for the same exam and subject.
public struct GIAMinimumCatalogue: Sendable, Equatable {
    private var lines: [GIAMinimum] = []

    public init() {}

    public mutating func add(_ minimum: GIAMinimum) {
        lines.append(minimum)
    }

    /// The minimum in force for `exam`, `subject` in `year`, if known.
    public func minimum(exam: GIAExam, subject: String, year: Int) -> GIAMinimum? {
        lines.filter { $0.exam == exam && $0.subject == subject && $0.fromYear <= year }.max { $0.fromYear < $1.fromYear }
    }

    public var isEmpty: Bool { lines.isEmpty }
}
