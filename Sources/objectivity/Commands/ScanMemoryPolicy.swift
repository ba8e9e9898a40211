#if canImport(Glibc)
import CMalloc
import Glibc
#endif

/// How the scan asks glibc's malloc to hand memory back.
///
/// By default glibc raises its mmap threshold to the size of any mapped block that is
/// freed (up to 32 MiB), so after the first sitting's arrays are let go, every later
/// array of a few megabytes — per-work columns of a sitting, their scratch copies — comes
/// from the heap and stays in it when freed, among the units' small blocks that pin it.
/// At national size the peak resident memory was then some 400 MB above what was live.
/// A fixed threshold of 1 MiB keeps such arrays in mappings of their own, returned to the
/// system when freed; a trim threshold of 256 MiB keeps the heap's top from being given
/// back and taken again at every free. Measured on the quarter region: peak 945 → 820
/// MB; page faults 0.36 → 1.75 million, 1.26 million once the clustering's and the
/// output blocks' repeated allocations were removed — the price, a few per cent of CPU,
/// of staying within the memory budget at national size (2.89 GB).
enum ScanMemoryPolicy {
    /// Blocks of this many bytes and more get mappings of their own.
    static let mmapThreshold: Int32 = 1 << 20
    /// The heap's free top is given back above this many bytes.
    static let trimThreshold: Int32 = 256 << 20

    static func apply() {
        #if canImport(Glibc)
        _ = mallopt(M_MMAP_THRESHOLD, mmapThreshold)
        _ = mallopt(M_TRIM_THRESHOLD, trimThreshold)
        #endif
    }
}
