/// One row of a table as UTF-8 cells, valid only during the callback that receives it.
///
/// Cell `i` is `base[cells.starts[i]..<cells.ends[i]]`. A CSV source points `base` at the
/// whole decoded file and only records where each cell lies, so an unquoted row costs no
/// copy; a row with quoted cells, and every XLSX row, lies in a buffer of the source's own.
/// Raw pointers on purpose: readers parse every cell of millions of rows, and array
/// accesses would add a bounds check and reference counting to each. CSV and XLSX
/// sources both deliver rows in this shape, so every reader above them is format-agnostic.
struct RawRow {
    /// The bytes the cells lie in, UTF-8; valid during the callback only.
    var base = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
    /// Start and end offsets of each cell in `base`.
    let cells = CellRanges()
    /// 1-based row number as a spreadsheet shows it (the CSV line where the record starts).
    var number: Int = 0

    var cellCount: Int { cells.count }

    /// Starts a new row.
    mutating func reset(number: Int) {
        cells.removeAll()
        self.number = number
    }

    /// Records a cell lying at `start..<end` of `base`.
    @inline(__always)
    func appendCell(start: Int, end: Int) {
        cells.append(start, end)
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
        guard index < cells.count else { return 0..<0 }
        var lower = cells.starts[index]
        var upper = cells.ends[index]
        let p = base
        while lower < upper {
            let c = p[lower]
            if c == 0x20 || c == 0x09 || c == 0x0D || c == 0x0A {
                lower += 1
            } else if c == 0xC2, lower + 1 < upper, p[lower + 1] == 0xA0 {
                lower += 2
            } else {
                break
            }
        }
        while lower < upper {
            let c = p[upper - 1]
            if c == 0x20 || c == 0x09 || c == 0x0D || c == 0x0A {
                upper -= 1
            } else if c == 0xA0, upper - 2 >= lower, p[upper - 2] == 0xC2 {
                upper -= 2
            } else {
                break
            }
        }
        return lower..<upper
    }

    /// The bytes of `range`.
    @inline(__always)
    func bytes(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: base[range])
    }

    /// Cell `index` as trimmed text.
    func string(at index: Int) -> String {
        String(decoding: bytes(trimmedRange(of: index)), as: UTF8.self)
    }

    /// Whether cell `index` is empty after trimming.
    func isBlank(at index: Int) -> Bool { trimmedRange(of: index).isEmpty }

    /// Whether every cell is blank: only spaces, tabs, line breaks and no-break spaces.
    var isBlank: Bool {
        for i in 0..<cellCount {
            for b in bytes(range(of: i)) where !(b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0A || b == 0xC2 || b == 0xA0) {
                return false
            }
        }
        return true
    }

    /// All cells as trimmed text.
    var strings: [String] { (0..<cellCount).map { string(at: $0) } }
}
