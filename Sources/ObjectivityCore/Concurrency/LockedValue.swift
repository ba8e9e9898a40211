#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// A value that several threads read and change, guarded by a POSIX mutex.
///
/// Why not the standard library's `Mutex`: on Linux it waits on futexes directly, which
/// ThreadSanitizer does not model, so every value it guards that one thread wrote and
/// another then read is reported as a data race. Such a report makes the sanitizer run
/// fail, and a child process printing report after report into a pipe nobody drains
/// stalls its test for good. `pthread_mutex_lock` is intercepted by the sanitizer, and
/// costs the same some tens of nanoseconds uncontended.
public final class LockedValue<Value: Sendable>: @unchecked Sendable {
    // @unchecked: `value` is only reached between lock and unlock of `mutex`.
    private var value: Value
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>

    public init(_ value: Value) {
        self.value = value
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        let status = pthread_mutex_init(mutex, nil)
        precondition(status == 0, "pthread_mutex_init: \(status)")
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    /// Runs `body` on the value with the lock held; `body` must not take this lock again.
    public func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body(&value)
    }
}
