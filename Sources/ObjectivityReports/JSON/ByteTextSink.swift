/// A text stream that appends to a byte array.
///
/// `Double.write(to:)` formats its shortest round-trip digits in a buffer on the stack and
/// hands them to `_writeASCII`: written through this sink, a number costs no `String`.
/// `description` builds one, on the heap once it is longer than fifteen bytes — as most
/// p-values and statistics are (`3.310382547554512e-259`), some thirty million of them in
/// a national `units.jsonl`.
struct ByteTextSink: TextOutputStream {
    var bytes: [UInt8] = []

    mutating func write(_ string: String) {
        bytes.append(contentsOf: string.utf8)
    }

    mutating func _writeASCII(_ buffer: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: buffer)
    }

    /// Appends `x` as `x.description` spells it to `out`.
    static func append(_ x: Double, to out: inout [UInt8]) {
        var sink = ByteTextSink()
        swap(&sink.bytes, &out)  // the sink takes the array over: no copy
        x.write(to: &sink)
        swap(&sink.bytes, &out)
    }
}
