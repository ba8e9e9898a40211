/// What a cell meant to hold a small non-negative integer (a score, a mark) contains.
enum CellNumber: Equatable {
    /// An integer (a trailing `.0` or `,0` is accepted: spreadsheets write those).
    case value(Int)
    /// Empty after trimming.
    case empty
    /// A «not attempted / not marked» marker: `X`, `x`, Cyrillic `Х`/`х`, `-`, `–`, `—`.
    case notAttempted
    /// Anything else.
    case invalid
}

extension RawRow {
    /// The value of cell `index` if it is exactly one ASCII digit, the common case for a
    /// task score; `nil` otherwise (then ``number(at:)`` decides).
    @inline(__always)
    func singleDigit(at index: Int) -> Int? {
        guard index < cells.count else { return nil }
        let start = cells.starts[index]
        guard cells.ends[index] - start == 1 else { return nil }
        let c = base[start]
        return c >= 0x30 && c <= 0x39 ? Int(c &- 0x30) : nil
    }

    /// Parses cell `index` as a small integer without allocating.
    @inline(__always)
    func number(at index: Int) -> CellNumber {
        let r = trimmedRange(of: index)
        if r.isEmpty { return .empty }
        let p = base
        var i = r.lowerBound
        let end = r.upperBound
        var negative = false
        let first = p[i]
        if first == UInt8(ascii: "-") {
            if end - i == 1 { return .notAttempted }
            negative = true
            i += 1
        }
        var value = 0
        var digits = 0
        while i < end, p[i] >= 0x30, p[i] <= 0x39 {
            value = value &* 10 &+ Int(p[i] &- 0x30)
            digits += 1
            i += 1
            if digits > 9 { return .invalid }
        }
        if digits > 0 {
            if i < end, p[i] == UInt8(ascii: ".") || p[i] == UInt8(ascii: ",") {
                i += 1
                while i < end, p[i] == 0x30 { i += 1 }
            }
            return i == end ? .value(negative ? -value : value) : .invalid
        }
        if negative { return .invalid }
        let length = end - r.lowerBound
        let s = r.lowerBound
        if length == 1, first == UInt8(ascii: "X") || first == UInt8(ascii: "x") { return .notAttempted }
        // Cyrillic Х (D0 A5), х (D1 85)
        if length == 2, (first == 0xD0 && p[s + 1] == 0xA5) || (first == 0xD1 && p[s + 1] == 0x85) { return .notAttempted }
        // en dash (E2 80 93), em dash (E2 80 94)
        if length == 3, first == 0xE2, p[s + 1] == 0x80, p[s + 2] == 0x93 || p[s + 2] == 0x94 { return .notAttempted }
        return .invalid
    }
}
