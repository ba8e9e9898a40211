/// An open-addressing map from byte strings to dense `Int32` values, without creating a
/// `String` per lookup.
///
/// The readers look up a school, a class and a participant code on every row; this keeps
/// those lookups to a hash, a probe and a byte compare. Keys are copied into one buffer.
///
/// Each slot is one word — the upper half of the key's hash and its entry + 1, 0 for an
/// empty slot — so a probe reads one place in memory: a ГИА file of a country checks
/// three million participant codes against a table far larger than the caches, and a
/// slot's entry and hash kept in two arrays cost two cache misses per row. The full hashes
/// are kept by entry, in insertion order, for growing.
struct ByteKeyTable {
    private var slots: [UInt64]
    private var entryHashes: [UInt64] = []
    private var keyBytes: [UInt8] = []
    private var keyEnds: [Int] = []
    private(set) var values: [Int32] = []
    private var mask: Int

    /// - Parameter expectedCount: keys expected; the table is made large enough for them at
    ///   once (a reader sizes it from the file's line count).
    init(expectedCount: Int = 16) {
        var capacity = 16
        while capacity < expectedCount * 2 { capacity <<= 1 }
        slots = [UInt64](repeating: 0, count: capacity)
        mask = capacity - 1
        entryHashes.reserveCapacity(expectedCount)
        keyEnds.reserveCapacity(expectedCount)
        values.reserveCapacity(expectedCount)
    }

    var count: Int { values.count }

    private func key(_ entry: Int) -> ArraySlice<UInt8> {
        keyBytes[(entry == 0 ? 0 : keyEnds[entry - 1])..<keyEnds[entry]]
    }

    /// The slot word of `entry` with `hash`: never 0.
    @inline(__always)
    private static func slot(entry: Int32, hash: UInt64) -> UInt64 {
        (hash & 0xFFFF_FFFF_0000_0000) | UInt64(UInt32(entry) &+ 1)
    }

    /// The value stored for `key` under `hash`, if any.
    @inline(__always)
    func value(for key: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int32? {
        var i = Int(truncatingIfNeeded: ByteHash.mix(hash)) & mask
        let upper = hash & 0xFFFF_FFFF_0000_0000
        while true {
            let slot = slots[i]
            if slot == 0 { return nil }
            if slot & 0xFFFF_FFFF_0000_0000 == upper {
                let entry = Int(slot & 0xFFFF_FFFF) - 1
                if ByteEquality.equal(self.key(entry), key) { return values[entry] }
            }
            i = (i + 1) & mask
        }
    }

    /// Stores `value` for `key` (which must not be present yet).
    mutating func insert(_ key: UnsafeBufferPointer<UInt8>, hash: UInt64, value: Int32) {
        if (values.count + 1) * 2 > slots.count { grow() }
        let entry = Int32(values.count)
        keyBytes.append(contentsOf: key)
        keyEnds.append(keyBytes.count)
        values.append(value)
        entryHashes.append(hash)
        place(entry: entry, hash: hash)
    }

    private mutating func place(entry: Int32, hash: UInt64) {
        var i = Int(truncatingIfNeeded: ByteHash.mix(hash)) & mask
        while slots[i] != 0 { i = (i + 1) & mask }
        slots[i] = Self.slot(entry: entry, hash: hash)
    }

    private mutating func grow() {
        slots = [UInt64](repeating: 0, count: slots.count * 2)
        mask = slots.count - 1
        for (entry, hash) in entryHashes.enumerated() { place(entry: Int32(entry), hash: hash) }
    }
}
