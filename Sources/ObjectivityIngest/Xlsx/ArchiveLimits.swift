/// Bounds on what an XLSX archive may expand to, checked before and during inflation.
///
/// A hostile or broken upload (a zip bomb renamed `.xlsx`) is refused without being
/// expanded into memory: the declared sizes are summed first, and the actual bytes
/// are counted while inflating in case the declarations lie.
public struct ArchiveLimits: Sendable, Equatable {
    /// Largest total uncompressed size of the archive's entries, in bytes (default 512 MiB).
    public var maxUncompressedBytes: UInt64
    /// Largest number of entries (default 10,000).
    public var maxEntries: Int

    public init(maxUncompressedBytes: UInt64 = 512 * 1024 * 1024, maxEntries: Int = 10_000) {
        self.maxUncompressedBytes = maxUncompressedBytes
        self.maxEntries = maxEntries
    }
}
