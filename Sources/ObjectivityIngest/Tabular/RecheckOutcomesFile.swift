public import ObjectivityCore

/// A commission's recheck outcomes file as read.
public struct RecheckOutcomesFile: Sendable {
    public var outcomes: [RecheckOutcome]
    /// Works listed but not yet rechecked (the rechecked score is empty).
    public var notRechecked: Int
    public var issues: RowIssues
}
