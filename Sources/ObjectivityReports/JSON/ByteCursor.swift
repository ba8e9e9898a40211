/// A write position in memory made ready beforehand: bytes stored one after another with
/// no capacity or uniqueness check per byte, as `Array.append` makes (a national
/// `units.jsonl` is 2.4 GB of short appends). ``UnitLineWriter`` bounds what it writes
/// and has a ``ByteBuffer`` make that much room first.
struct ByteCursor: TextOutputStream {
    private(set) var position: UnsafeMutablePointer<UInt8>

    init(_ start: UnsafeMutablePointer<UInt8>) { position = start }

    mutating func byte(_ value: UInt8) {
        position.initialize(to: value)
        position += 1
    }

    mutating func bytes(_ buffer: UnsafeBufferPointer<UInt8>) {
        guard let base = buffer.baseAddress, !buffer.isEmpty else { return }
        position.update(from: base, count: buffer.count)
        position += buffer.count
    }

    mutating func literal(_ text: StaticString) {
        text.withUTF8Buffer { bytes($0) }
    }

    mutating func write(_ string: String) {
        var text = string
        text.withUTF8 { bytes($0) }
    }

    /// What `Double.write(to:)` hands its digits to: they are copied as they are.
    mutating func _writeASCII(_ buffer: UnsafeBufferPointer<UInt8>) {
        bytes(buffer)
    }
}
