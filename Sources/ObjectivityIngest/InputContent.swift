/// What a readable input file turned out to hold.
public enum InputContent: Sendable {
    case vprResults(VPRFile)
    case giaResults(GIAFile)
    case schoolRegistry(SchoolRegistryFile)
    case recheckOutcomes(RecheckOutcomesFile)

    public var kind: TableKind {
        switch self {
        case .vprResults: .vprResults
        case .giaResults: .giaResults
        case .schoolRegistry: .schoolRegistry
        case .recheckOutcomes: .recheckOutcomes
        }
    }

    /// Rows skipped and remarks made while reading.
    public var issues: RowIssues {
        switch self {
        case .vprResults(let f): f.issues
        case .giaResults(let f): f.issues
        case .schoolRegistry(let f): f.issues
        case .recheckOutcomes(let f): f.issues
        }
    }
}
