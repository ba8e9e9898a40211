public import ObjectivityCore

/// A school registry file as read.
public struct SchoolRegistryFile: Sendable {
    public var schools: [SchoolRecord]
    public var issues: RowIssues
}
