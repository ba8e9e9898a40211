/// The outcome of reading one input file: its format and content, or why it was rejected.
public struct InputFileReport: Sendable {
    /// The file name used in messages.
    public var file: String
    /// Detected format, when the bytes could be opened as a table.
    public var format: TableFormat?
    /// The content, or the file-level error that rejected the file.
    public var outcome: Result<InputContent, IngestError>

    public var content: InputContent? { try? outcome.get() }

    public var error: IngestError? {
        if case .failure(let error) = outcome { return error }
        return nil
    }
}
