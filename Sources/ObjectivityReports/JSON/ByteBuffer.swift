public import Foundation

/// A growable run of bytes written through a ``ByteCursor`` into room made without
/// initialising it: an array's room can only be made by filling it (zeros), and the
/// bounds of a `units.jsonl` line — every string byte counted six times, as if each
/// needed escaping — are several times the bytes written, so filling cost more than the
/// writing.
///
/// A reference, so that a block of lines is made by many calls that each add a line;
/// used by one thread at a time, so its properties go without the runtime's exclusivity
/// checks, and handed from the thread that made it to the one that writes it through a
/// lock (hence `@unchecked Sendable`). Its bytes are written as they lie
/// (`ContiguousBytes`): a national `units.jsonl` copied into arrays first was 2.4 GB moved
/// and as many fresh pages faulted in.
public final class ByteBuffer: @unchecked Sendable, ContiguousBytes {
    @exclusivity(unchecked) private var base: UnsafeMutablePointer<UInt8>
    @exclusivity(unchecked) private var capacity: Int
    /// Bytes written so far.
    @exclusivity(unchecked) public private(set) var count = 0

    /// - Parameter capacity: bytes of room made at once (it grows as needed).
    init(capacity: Int = 4096) {
        self.capacity = Swift.max(1, capacity)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// Room for at least `additional` bytes more (whole: growing by doubling stays linear).
    func reserve(_ additional: Int) {
        guard count + additional > capacity else { return }
        let grown = Swift.max(2 * capacity, count + additional)
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
        moved.moveInitialize(from: base, count: count)
        base.deallocate()
        base = moved
        capacity = grown
    }

    /// Forgets the bytes written, keeping the room made for them.
    func removeAll() { count = 0 }

    /// Appends what `body` writes, at most `bound` bytes.
    func write(atMost bound: Int, _ body: (inout ByteCursor) -> Void) {
        reserve(bound)
        let first = base + count
        var cursor = ByteCursor(first)
        body(&cursor)
        let written = cursor.position - first
        precondition(written <= bound, "wrote \(written) bytes into room for \(bound)")
        count += written
    }

    /// The bytes written, as an array.
    var bytes: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    /// Calls `body` with the bytes written.
    public func withUnsafeBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try body(UnsafeRawBufferPointer(start: base, count: count))
    }
}
