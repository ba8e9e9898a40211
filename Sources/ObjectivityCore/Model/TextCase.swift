/// Lower-casing for the short labels, titles and file names read from every input file.
///
/// `String.lowercased()` looks every scalar up in the Unicode case tables; a national batch
/// lower-cases some million preamble cells, file-name tokens and subject spellings, nearly
/// all of them ASCII and Russian. Their UTF-8 is mapped here byte by byte; any other
/// character sends the whole text through `lowercased()`, so the result is always exactly
/// `text.lowercased()`.
public enum TextCase {
    /// `text.lowercased()`.
    public static func lowercased(_ text: String) -> String {
        var text = text
        let mapped = text.withUTF8 { bytes -> String? in
            let count = bytes.count
            var failed = false
            let result = String(unsafeUninitializedCapacity: count) { out in
                var i = 0
                while i < count {
                    let b = bytes[i]
                    if b < 0x80 {
                        out[i] = b &+ (b >= 0x41 && b <= 0x5A ? 0x20 : 0)
                        i &+= 1
                        continue
                    }
                    guard i + 1 < count else { failed = true; return 0 }
                    let t = bytes[i + 1]
                    switch b {
                    case 0xD0 where t >= 0x80 && t <= 0x8F:  // Ѐ–Џ → ѐ–џ (U+0450…)
                        out[i] = 0xD1; out[i + 1] = t &+ 0x10
                    case 0xD0 where t >= 0x90 && t <= 0x9F:  // А–П → а–п
                        out[i] = 0xD0; out[i + 1] = t &+ 0x20
                    case 0xD0 where t >= 0xA0 && t <= 0xAF:  // Р–Я → р–я
                        out[i] = 0xD1; out[i + 1] = t &- 0x20
                    case 0xD0 where t >= 0xB0 && t <= 0xBF, 0xD1 where t >= 0x80 && t <= 0x9F,
                         0xC2 where t >= 0xA0 && t <= 0xBF:  // а–я, ѐ–џ; no-break space and Latin-1 signs («», °): caseless
                        out[i] = b; out[i + 1] = t
                    case 0xE2 where i + 2 < count && Self.isCaselessPunctuation(t, bytes[i + 2]):
                        out[i] = b; out[i + 1] = t; out[i + 2] = bytes[i + 2]
                        i &+= 1
                    default:
                        failed = true
                        return 0
                    }
                    i &+= 2
                }
                return count
            }
            return failed ? nil : result
        }
        return mapped ?? text.lowercased()
    }

    /// U+2010…U+2027 (dashes, quotation marks, bullets), U+2030…U+205E (‰, primes) and
    /// U+2116 (№), after the lead byte E2: no case.
    private static func isCaselessPunctuation(_ second: UInt8, _ third: UInt8) -> Bool {
        switch (second, third) {
        case (0x80, 0x90...0xA7), (0x80, 0xB0...0xBF), (0x81, 0x80...0x9E), (0x84, 0x96): true
        default: false
        }
    }
}
