import Dispatch
import ObjectivityCore

/// Lets go of a large value on a thread of its own, so that freeing it one block at a time
/// does not hold up the caller: at national size the scan's 213,229 file reports took one
/// core for most of a second between the reading and the analysis, the other core idle.
enum BackgroundRelease {
    /// Frees `value` on the release thread. The caller passes its last reference (with
    /// `consume`); anything the value shares with what the caller keeps stays alive.
    static func release<Value: Sendable>(_ value: consuming Value) {
        // Handed over under a mutex: the queue orders the two threads, the mutex makes
        // that order visible to ThreadSanitizer as well (see ``LockedValue``).
        let holder = LockedValue<Value?>(value)
        queue.async { holder.withLock { $0 = nil } }
    }

    /// A serial queue of its own: its thread starts at once rather than waiting for one of
    /// the cores' worker threads, which the analysis keeps busy.
    private static let queue = DispatchQueue(label: "objectivity.background-release")
}
