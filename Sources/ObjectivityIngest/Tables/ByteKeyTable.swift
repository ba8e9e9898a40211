/// An open-addressing map from byte strings to dense `Int32` values, without creating a
/// `String` per lookup.
///
/// The readers look up a school, a class and a participant code on every row; this keeps
/// those lookups to a hash, a probe and a byte compare. Keys are copied into one buffer.
struct ByteKeyTable {
    private var slots: [Int32]          // index into entries, or -1
    private var hashes: [UInt64]
    private var keyBytes: [UInt8] = []
    private var keyEnds: [Int] = []
    private(set) var values: [Int32] = []
    private var mask: Int

    init(expectedCount: Int = 16) {
        var capacity = 16
        while capacity < expectedCount * 2 { capacity <<= 1 }
        slots = [Int32](repeating: -1, count: capacity)
        hashes = [UInt64](repeating: 0, count: capacity)
        mask = capacity - 1
        keyEnds.reserveCapacity(expectedCount)
        values.reserveCapacity(expectedCount)
    }

    var count: Int { values.count }

    private func key(_ entry: Int) -> ArraySlice<UInt8> {
        keyBytes[(entry == 0 ? 0 : keyEnds[entry - 1])..<keyEnds[entry]]
    }

    /// The value stored for `key` under `hash`, if any.
    @inline(__always)
    func value(for key: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int32? {
        var i = Int(truncatingIfNeeded: ByteHash.mix(hash)) & mask
        while true {
            let entry = slots[i]
            if entry < 0 { return nil }
            if hashes[i] == hash, ByteEquality.equal(self.key(Int(entry)), key) { return values[Int(entry)] }
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
        place(entry: entry, hash: hash)
    }

    private mutating func place(entry: Int32, hash: UInt64) {
        var i = Int(truncatingIfNeeded: ByteHash.mix(hash)) & mask
        while slots[i] >= 0 { i = (i + 1) & mask }
        slots[i] = entry
        hashes[i] = hash
    }

    private mutating func grow() {
        let old = zip(slots, hashes).filter { $0.0 >= 0 }
        slots = [Int32](repeating: -1, count: slots.count * 2)
        hashes = [UInt64](repeating: 0, count: slots.count)
        mask = slots.count - 1
        for (entry, hash) in old { place(entry: entry, hash: hash) }
    }
}
