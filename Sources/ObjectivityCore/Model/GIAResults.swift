/// ГИА results (one row per participant and exam) in columnar form.
///
/// ГИА is marked centrally, so a school's results here are the external yardstick
/// against which its teacher-marked ВПР results are compared.
public struct GIAResults: Sendable, Equatable {
    /// Sentinel for an absent test score (ОГЭ) or mark (ЕГЭ).
    public static let absent: Int16 = -1

    public var subjects = InternedStrings()
    public var schools = InternedStrings()
    public var year: [Int16] = []
    public var exam: [GIAExam] = []
    /// Subject id (``subjects``).
    public var subject: [Int32] = []
    /// School id (``schools``).
    public var school: [Int32] = []
    public var participantCode = ByteStringColumn()
    /// Primary score in points.
    public var primaryScore: [Int16] = []
    /// Test score 0–100 (ЕГЭ), or ``absent``.
    public var testScore: [Int16] = []
    /// Mark 2–5 (ОГЭ, ГВЭ), or ``absent``.
    public var mark: [Int16] = []

    public init() {}

    public var count: Int { year.count }

    /// Room for `rows` more results in every column, so that a reader appending a national
    /// table's millions of rows grows none of them (each growth copied the column).
    public mutating func reserve(_ rows: Int) {
        guard rows > 0 else { return }
        year.reserveCapacity(count + rows)
        exam.reserveCapacity(count + rows)
        subject.reserveCapacity(count + rows)
        school.reserveCapacity(count + rows)
        participantCode.reserve(values: rows, bytesPerValue: 6)
        primaryScore.reserveCapacity(count + rows)
        testScore.reserveCapacity(count + rows)
        mark.reserveCapacity(count + rows)
    }
}
