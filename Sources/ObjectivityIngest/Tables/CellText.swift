/// Byte-level helpers for cell text: whitespace, normalisation and markers.
enum CellText {
    private static let noMarkSpellings: [[UInt8]] = ["нет отметки", "Нет отметки", "НЕТ ОТМЕТКИ", "нет", "Нет"].map { Array($0.utf8) }

    /// Whether a journal cell says «нет отметки» in one of its usual spellings, compared
    /// as bytes (this runs on every work that has no journal mark).
    @inline(__always)
    static func isNoMark(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        noMarkSpellings.contains { ByteEquality.equal($0, bytes) }
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
