/// Results of parallel jobs, stored by job index so that what follows (output order, the
/// bytes written) does not depend on which core finished first.
public final class OrderedResults<Value: Sendable>: Sendable {
    private let values: LockedValue<[Value?]>

    public init(count: Int) { values = LockedValue(Array(repeating: nil, count: count)) }

    public func store(_ value: Value, at index: Int) {
        values.withLock { $0[index] = value }
    }

    /// The value stored at `index`, moved out (it must be there): a job that consumes
    /// its input takes it, so the input is let go as soon as the job is done with it.
    public func take(at index: Int) -> Value {
        values.withLock { stored in
            let value = stored[index]!
            stored[index] = nil
            return value
        }
    }

    /// All results in job order, moved out (every job must have stored one): the store
    /// keeps no reference, so the caller owns its arrays alone and changing them later
    /// copies nothing — with a country's units, a copy is gigabytes.
    ///
    /// Each value is moved, not copied: copying retained every string and array of every
    /// value and freeing the store released them again — for a country's 213,229 file
    /// reports, half a second of one core while the other waited.
    public func take() -> [Value] {
        values.withLock { stored in
            let count = stored.count
            let all = [Value](unsafeUninitializedCapacity: count) { all, initialized in
                for i in 0..<count { (all.baseAddress! + i).initialize(to: stored[i].take()!) }
                initialized = count
            }
            stored = []
            return all
        }
    }
}
