/// Byte-level helpers for cell text: whitespace, normalisation and markers.
enum CellText {
    /// Whether a space, tab, CR/LF or U+00A0 (no-break space, UTF-8 `C2 A0`) starts at `i`.
    @inline(__always)
    static func isSpace(_ b: [UInt8], at i: Int, forward: Bool) -> Bool {
        let c = b[i]
        if c == 0x20 || c == 0x09 || c == 0x0D || c == 0x0A { return true }
        return c == 0xC2 && i + 1 < b.count && b[i + 1] == 0xA0
    }

    @inline(__always)
    static func spaceWidth(_ b: [UInt8], at i: Int) -> Int { b[i] == 0xC2 ? 2 : 1 }

    /// Width of the whitespace character that ends at `end`, if one does.
    @inline(__always)
    static func trailingSpaceWidth(_ b: [UInt8], endingAt end: Int, from start: Int) -> Int? {
        let c = b[end - 1]
        if c == 0x20 || c == 0x09 || c == 0x0D || c == 0x0A { return 1 }
        if c == 0xA0, end - 2 >= start, b[end - 2] == 0xC2 { return 2 }
        return nil
    }

    private static let noMarkSpellings: [[UInt8]] = ["нет отметки", "Нет отметки", "НЕТ ОТМЕТКИ", "нет", "Нет"].map { Array($0.utf8) }

    /// Whether a journal cell says «нет отметки» in one of its usual spellings, compared
    /// as bytes (this runs on every work that has no journal mark).
    @inline(__always)
    static func isNoMark(_ bytes: ArraySlice<UInt8>) -> Bool {
        noMarkSpellings.contains { $0.elementsEqual(bytes) }
    }

    /// Text folded for matching header labels: lower case, «ё» as «е», runs of
    /// whitespace as one space, no surrounding space, no trailing colon or period.
    static func folded(_ text: String) -> String {
        var out = ""
        var pendingSpace = false
        for ch in text.lowercased() {
            if ch.isWhitespace || ch == "\u{A0}" {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(" "); pendingSpace = false }
            out.append(ch == "ё" ? "е" : ch)
        }
        while out.last == ":" || out.last == "." { out.removeLast() }
        return out
    }
}
