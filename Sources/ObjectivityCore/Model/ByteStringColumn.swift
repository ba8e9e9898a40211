/// A column of short strings stored as one contiguous UTF-8 buffer with offsets.
///
/// Participant codes are unique per work, so interning them would not save memory;
/// this keeps a million codes in two allocations instead of a million.
public struct ByteStringColumn: Sendable, Equatable {
    /// UTF-8 bytes of all values, back to back.
    public private(set) var bytes: [UInt8] = []
    /// `offsets[i]..<offsets[i + 1]` are the bytes of value `i`; `offsets[0] == 0`. Four
    /// bytes each, not eight: a national scan holds some 29 million codes, and a column's
    /// codes are far below 4 GiB (a whole national sitting's take about 25 MB).
    public private(set) var offsets: [UInt32] = [0]

    public init() {}

    /// A column from its two buffers; `offsets` starts at 0 and ends at `bytes.count`.
    public init(bytes: [UInt8], offsets: [UInt32]) {
        precondition(offsets.first == 0 && offsets.last.map(Int.init) == bytes.count, "offsets cover the bytes")
        self.bytes = bytes
        self.offsets = offsets
    }

    public init(reservingWorks works: Int, bytesPerValue: Int) {
        reserve(values: works, bytesPerValue: bytesPerValue)
    }

    /// Room for `values` more values of about `bytesPerValue` bytes each.
    public mutating func reserve(values: Int, bytesPerValue: Int) {
        bytes.reserveCapacity(bytes.count + values * bytesPerValue)
        offsets.reserveCapacity(offsets.count + values)
    }

    /// Appends one value given as UTF-8 bytes (concrete type: called once per work).
    public mutating func append(_ value: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: value)
        offsets.append(UInt32(bytes.count))
    }

    /// Appends one value given as UTF-8 bytes.
    public mutating func append(_ value: ArraySlice<UInt8>) {
        bytes.append(contentsOf: value)
        offsets.append(UInt32(bytes.count))
    }

    public mutating func append(_ value: String) {
        bytes.append(contentsOf: value.utf8)
        offsets.append(UInt32(bytes.count))
    }

    public var count: Int { offsets.count - 1 }

    public subscript(index: Int) -> String {
        String(decoding: bytes[Int(offsets[index])..<Int(offsets[index + 1])], as: UTF8.self)
    }

    /// The raw bytes of value `index`, without making a `String`.
    public func utf8(at index: Int) -> ArraySlice<UInt8> {
        bytes[Int(offsets[index])..<Int(offsets[index + 1])]
    }

    /// This column reordered: value `i` of the result is value `order[i]` of this one.
    public func permuted(by order: [Int]) -> ByteStringColumn {
        var result = ByteStringColumn(reservingWorks: order.count, bytesPerValue: 0)
        result.bytes.reserveCapacity(bytes.count)
        for i in order { result.append(utf8(at: i)) }
        return result
    }
}
