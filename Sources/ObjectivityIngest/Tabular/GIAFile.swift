public import ObjectivityCore

/// A ГИА results file as read.
public struct GIAFile: Sendable {
    public var results: GIAResults
    public var issues: RowIssues
}
