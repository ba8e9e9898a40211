/// The rows a reader skipped and the notes it made, counted in full and sampled for display.
///
/// Nothing is dropped silently: every skipped row is counted by reason, and the first
/// ``sampleLimit`` are kept with their row and column for the operator.
public struct RowIssues: Sendable, Equatable {
    /// How many skipped rows are kept with full detail.
    public static let sampleLimit = 200

    /// Skipped rows, by reason.
    public private(set) var skippedByCode: [IngestError.Code: Int] = [:]
    /// The first skipped rows, in reading order.
    public private(set) var samples: [IngestError] = []
    /// Cell-level problems that did not cost the row (e.g. an unreadable journal mark
    /// treated as absent), the first ``sampleLimit`` of them.
    public private(set) var cellNotes: [IngestError] = []
    /// Number of cell-level problems.
    public private(set) var cellNoteCount = 0
    /// File-level remarks (e.g. the derived scale differs from the known one), in Russian.
    public var warnings: [String] = []

    public init() {}

    /// Total number of skipped rows.
    public var skippedRows: Int { skippedByCode.values.reduce(0, +) }

    mutating func skip(_ error: IngestError) {
        skippedByCode[error.code, default: 0] += 1
        if samples.count < Self.sampleLimit { samples.append(error) }
    }

    mutating func note(_ error: IngestError) {
        cellNoteCount += 1
        if cellNotes.count < Self.sampleLimit { cellNotes.append(error) }
    }
}
