internal import COpenBLAS

/// The core's OpenBLAS thread policy: one thread, always. The analysis runs sittings (and
/// schools) in parallel itself; BLAS threads on top would fight for the same cores, and a
/// multi-threaded reduction rounds differently from a single-threaded one, so results
/// would depend on the machine's thread count (measured: a few last digits of p-values in
/// `units.jsonl` changed). Every BLAS and LAPACK call in the core goes through ``ensure()``.
enum BLASThreads {
    private static let single: Void = { openblas_set_num_threads(1) }()

    /// Sets OpenBLAS to one thread the first time it is called (thread-safe, once).
    static func ensure() { _ = single }
}
