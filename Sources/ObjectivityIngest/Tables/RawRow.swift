/// One row of a table as UTF-8 cells, reused from row to row to avoid allocation.
///
/// Cell `i` is `bytes[cellEnds[i - 1]..<cellEnds[i]]` (with `cellEnds[-1] == 0`).
/// CSV and XLSX sources both deliver rows in this shape, so every reader above them
/// is format-agnostic.
public struct RawRow: Sendable {
    /// Cell contents back to back, UTF-8.
    public internal(set) var bytes: [UInt8] = []
    /// End offset of each cell in `bytes`.
    public internal(set) var cellEnds: [Int] = []
    /// 1-based row number as a spreadsheet shows it (the CSV line where the record starts).
    public internal(set) var number: Int = 0

    public init() {
        bytes.reserveCapacity(1024)
        cellEnds.reserveCapacity(64)
    }

    /// A row of the given cells, for tests and the XLSX source.
    public init(cells: [String], number: Int) {
        self.init()
        self.number = number
        for cell in cells { appendCell(cell.utf8) }
    }

    public var cellCount: Int { cellEnds.count }

    mutating func reset(number: Int) {
        bytes.removeAll(keepingCapacity: true)
        cellEnds.removeAll(keepingCapacity: true)
        self.number = number
    }

    mutating func appendCell(_ content: some Sequence<UInt8>) {
        bytes.append(contentsOf: content)
        cellEnds.append(bytes.count)
    }

    mutating func appendEmptyCells(_ count: Int) {
        for _ in 0..<count { cellEnds.append(bytes.count) }
    }

    /// Byte range of cell `index`, or an empty range past the last cell.
    @inline(__always)
    public func range(of index: Int) -> Range<Int> {
        guard index < cellEnds.count else { return bytes.count..<bytes.count }
        return (index == 0 ? 0 : cellEnds[index - 1])..<cellEnds[index]
    }

    /// Byte range of cell `index` without surrounding spaces, tabs and no-break spaces.
    @inline(__always)
    public func trimmedRange(of index: Int) -> Range<Int> {
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
    public func string(at index: Int) -> String {
        String(decoding: bytes[trimmedRange(of: index)], as: UTF8.self)
    }

    /// Whether cell `index` is empty after trimming.
    public func isBlank(at index: Int) -> Bool { trimmedRange(of: index).isEmpty }

    /// Whether every cell is blank.
    public var isBlank: Bool { (0..<cellCount).allSatisfy { isBlank(at: $0) } }

    /// All cells as trimmed text.
    public var strings: [String] { (0..<cellCount).map { string(at: $0) } }
}
