import Foundation

/// The service parallelises across sittings and schools itself, so OpenBLAS must run
/// single-threaded: two thread pools on two cores fight, and OpenBLAS's idle threads spin
/// on the second core (measured: 14 % of a read's samples). OpenBLAS reads
/// `OPENBLAS_NUM_THREADS` once, when the library loads — before any Swift code runs — so
/// the only way to set it for this process is to set it and start the program again.
/// (The core also calls `openblas_set_num_threads(1)` before its first BLAS call, so that
/// results never depend on the thread count; the re-execution keeps the pool from starting.)
enum BLASThreadPolicy {
    static let variable = "OPENBLAS_NUM_THREADS"

    /// Re-executes the program with `OPENBLAS_NUM_THREADS=1` unless it is already set.
    /// Returns only if no re-execution happened.
    static func enforceSingleThreaded() {
        guard getenv(variable) == nil else { return }
        setenv(variable, "1", 1)
        let arguments = CommandLine.arguments
        var pointers = arguments.map { strdup($0) }
        pointers.append(nil)
        execv("/proc/self/exe", &pointers)
        // execv returned: it failed. Carry on with whatever threads OpenBLAS started.
        for pointer in pointers { free(pointer) }
    }
}
