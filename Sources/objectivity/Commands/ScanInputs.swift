import ObjectivityCore
import ObjectivityIngest

/// What `scan` keeps of its inputs once they are read: every sitting with the context
/// its analysis needs, and the reports of the files that were rejected.
struct ScanInputs: Sendable {
    /// ВПР sittings (by key), then the ГИА ones.
    var sittings: [Sitting]
    /// The context of each of ``sittings``, at the same index.
    var contexts: [SittingContext]
    /// How many of ``sittings`` are ВПР (they come first).
    var vprSittings: Int
    var rejected: [InputFileReport]
}
