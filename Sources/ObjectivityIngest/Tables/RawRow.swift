/// One row of a table as UTF-8 cells, reused from row to row to avoid allocation.
///
/// Cell `i` is `bytes[cellStarts[i]..<cellEnds[i]]`. A CSV source points `bytes` at the
/// whole decoded file and only records where each cell lies, so an unquoted row costs
/// no copy; a row with quoted cells, and every XLSX row, is built in a buffer of its own.
/// CSV and XLSX sources both deliver rows in this shape, so every reader above them
/// is format-agnostic.
struct RawRow {
    /// The bytes the cells lie in, UTF-8 (for CSV, usually the whole file).
    var bytes: [UInt8] = []
    /// Start and end offsets of each cell in `bytes`.
    let cells = CellRanges()
    /// 1-based row number as a spreadsheet shows it (the CSV line where the record starts).
    var number: Int = 0

    var cellCount: Int { cells.count }

    /// Starts a row whose cells will be appended into a buffer of its own.
    mutating func reset(number: Int) {
        bytes.removeAll(keepingCapacity: true)
        resetCells(number: number)
    }

    /// Starts a row whose cells will be ranges of `bytes` as it is.
    mutating func resetCells(number: Int) {
        cells.removeAll()
        self.number = number
    }

    mutating func appendCell(_ content: some Sequence<UInt8>) {
        let start = bytes.count
        bytes.append(contentsOf: content)
        cells.append(start, bytes.count)
    }

    /// Records a cell lying at `start..<end` of `bytes`.
    @inline(__always)
    func appendCell(start: Int, end: Int) {
        cells.append(start, end)
    }

    func appendEmptyCells(_ count: Int) {
        for _ in 0..<count { cells.append(bytes.count, bytes.count) }
    }

    /// Byte range of cell `index`, or an empty range past the last cell.
    @inline(__always)
    func range(of index: Int) -> Range<Int> {
        guard index < cells.count else { return 0..<0 }
        return cells.starts[index]..<cells.ends[index]
    }

    /// Byte range of cell `index` without surrounding spaces, tabs and no-break spaces.
    @inline(__always)
    func trimmedRange(of index: Int) -> Range<Int> {
        var r = range(of: index)
        while r.lowerBound < r.upperBound, CellText.isSpace(bytes, at: r.lowerBound, forward: true) {
            r = (r.lowerBound + CellText.spaceWidth(bytes, at: r.lowerBound))..<r.upperBound
        }
        while r.lowerBound < r.upperBound, let width = CellText.trailingSpaceWidth(bytes, endingAt: r.upperBound, from: r.lowerBound) {
            r = r.lowerBound..<(r.upperBound - width)
        }
        return r
    }

    /// Cell `index` as trimmed text.
    func string(at index: Int) -> String {
        String(decoding: bytes[trimmedRange(of: index)], as: UTF8.self)
    }

    /// Whether cell `index` is empty after trimming.
    func isBlank(at index: Int) -> Bool { trimmedRange(of: index).isEmpty }

    /// Whether every cell is blank: only spaces, tabs, line breaks and no-break spaces.
    var isBlank: Bool {
        for i in 0..<cellCount {
            for b in bytes[range(of: i)] where !(b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0A || b == 0xC2 || b == 0xA0) {
                return false
            }
        }
        return true
    }

    /// All cells as trimmed text.
    var strings: [String] { (0..<cellCount).map { string(at: $0) } }
}
