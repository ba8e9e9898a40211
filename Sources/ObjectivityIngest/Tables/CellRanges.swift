/// Where the cells of the current row lie, in a buffer that is reused for every row.
///
/// A class over raw memory on purpose: the tokenizer records two offsets per cell for
/// every row of a file of millions, and an `Array` append would check uniqueness and
/// capacity each time. Owned by one reader on one thread; never shared.
final class CellRanges {
    private(set) var starts: UnsafeMutablePointer<Int>
    private(set) var ends: UnsafeMutablePointer<Int>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int = 64) {
        self.capacity = capacity
        starts = .allocate(capacity: capacity)
        ends = .allocate(capacity: capacity)
    }

    deinit {
        starts.deallocate()
        ends.deallocate()
    }

    @inline(__always)
    func removeAll() { count = 0 }

    @inline(__always)
    func append(_ start: Int, _ end: Int) {
        if count == capacity { grow() }
        starts[count] = start
        ends[count] = end
        count += 1
    }

    private func grow() {
        let bigger = capacity * 2
        let newStarts = UnsafeMutablePointer<Int>.allocate(capacity: bigger)
        let newEnds = UnsafeMutablePointer<Int>.allocate(capacity: bigger)
        newStarts.update(from: starts, count: count)
        newEnds.update(from: ends, count: count)
        starts.deallocate()
        ends.deallocate()
        starts = newStarts
        ends = newEnds
        capacity = bigger
    }
}
