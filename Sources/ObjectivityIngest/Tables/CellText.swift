import Foundation

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
    ///
    /// Headers are read once per file and a national run reads a quarter of a million
    /// files, so text made only of ASCII and precomposed Cyrillic (every real header) is
    /// folded scalar by scalar; anything else (combining marks, other scripts) takes the
    /// general path through Character, which gives the same result, only slower.
    static func folded(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            var v = scalar.value
            switch v {
            case 0x20, 0x09...0x0D, 0xA0:
                pendingSpace = !scalars.isEmpty
                continue
            case 0x41...0x5A, 0x410...0x42F: v += 0x20  // A–Z, А–Я
            case 0x400...0x40F: v += 0x50  // Ѐ–Џ
            // Letters without case and marks that lower-casing leaves alone: «» ° №, dashes,
            // quotation marks, bullets.
            case 0x00...0x7F, 0x430...0x45F, 0xA1...0xBF, 0x2010...0x2027, 0x2030...0x205E, 0x2116: break
            default: return generalFolded(text)
            }
            if v == 0x451 { v = 0x435 }  // ё → е (Ё became ё above)
            if pendingSpace { scalars.append(" "); pendingSpace = false }
            scalars.append(Unicode.Scalar(v)!)
        }
        while let last = scalars.last, last == ":" || last == "." { scalars.removeLast() }
        return String(scalars)
    }

    /// ``folded(_:)`` for any text, Character by Character, composed (NFC) so that its
    /// bytes equal those of the same label typed with precomposed letters.
    static func generalFolded(_ text: String) -> String {
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
        return out.precomposedStringWithCanonicalMapping
    }
}
