public import ObjectivityCore

/// What one readable upload brings into the store.
public enum StoredContent: Sendable {
    case works(WorkBatch, skippedRows: Int)
    case gia(GIAResults, skippedRows: Int)
    case registry([SchoolRecord], skippedRows: Int)
    case recheck([RecheckOutcome], skippedRows: Int)

    /// The ledger's `kind`.
    public var kind: String {
        switch self {
        case .works: "vpr"
        case .gia: "gia"
        case .registry: "registry"
        case .recheck: "recheck"
        }
    }

    public var skippedRows: Int {
        switch self {
        case .works(_, let n), .gia(_, let n), .registry(_, let n), .recheck(_, let n): n
        }
    }
}
