import Foundation

/// Results of parallel jobs, stored by job index so that the output order (and so the
/// bytes written) does not depend on which core finished first.
final class ResultCollector<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Value?]

    init(count: Int) { values = Array(repeating: nil, count: count) }

    func store(_ value: Value, at index: Int) {
        lock.lock()
        values[index] = value
        lock.unlock()
    }

    /// All results in job order; every job must have stored one.
    var ordered: [Value] {
        lock.lock()
        defer { lock.unlock() }
        return values.map { $0! }
    }
}
