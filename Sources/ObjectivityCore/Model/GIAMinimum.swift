/// The minimum result that passes a ГИА exam in one subject (`models/gia_minimums.csv`).
///
/// Sometimes a number (ОГЭ Russian: 15 primary points), sometimes a rule (ОГЭ mathematics:
/// 8 points of which at least 2 from the geometry tasks), and for ЕГЭ a test score
/// (Russian: 24 of 100) that the analysis turns into primary points from the rows.
public struct GIAMinimum: Sendable, Equatable {
    /// On which score the minimum is stated.
    public enum Measure: String, Sendable, Equatable {
        /// Primary points (ОГЭ, ГВЭ: the «3» cut).
        case primary
        /// Test score 0–100 (ЕГЭ).
        case test
    }

    public var exam: GIAExam
    /// First year the minimum applies to; it stands until a later line replaces it.
    public var fromYear: Int
    public var subject: String
    public var measure: Measure
    /// The minimum total, on ``measure``.
    public var minimum: Int
    /// Where the minimum is a rule: the part of the paper with a minimum of its own
    /// (Russian, as people read it), and that minimum in primary points.
    public var part: String?
    public var partMinimum: Int?
    /// Where the figure comes from (`public-example`, `illustrative`).
    public var source: String

    public init(exam: GIAExam, fromYear: Int, subject: String, measure: Measure, minimum: Int,
                part: String? = nil, partMinimum: Int? = nil, source: String) {
        self.exam = exam
        self.fromYear = fromYear
        self.subject = subject
        self.measure = measure
        self.minimum = minimum
        self.part = part
        self.partMinimum = partMinimum
        self.source = source
    }

    /// Whether passing also needs a part's own minimum: then the rows (totals only) cannot
    /// decide a pass alone, and the analysis works at the effective cut on the total.
    public var isRule: Bool { part != nil }
}
