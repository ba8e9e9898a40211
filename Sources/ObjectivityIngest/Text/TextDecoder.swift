/// Turns the bytes of a text table into UTF-8, detecting the encoding from the bytes.
///
/// The rule: a UTF-8 BOM means UTF-8; a UTF-16LE BOM means UTF-16LE; bytes that are
/// valid UTF-8 are UTF-8; anything else is Windows-1251, the only other encoding
/// Russian office software writes. A NUL byte outside UTF-16 means the file is not
/// text at all.
enum TextDecoder {
    struct Decoded {
        var utf8: [UInt8]
        var encoding: TextEncoding
    }

    enum Failure: Error { case binary(offset: Int) }

    static func decode(_ data: [UInt8]) throws(Failure) -> Decoded {
        if data.starts(with: [0xEF, 0xBB, 0xBF]) {
            let body = Array(data[3...])
            if let control = firstBinaryByte(body) { throw .binary(offset: control + 3) }
            return Decoded(utf8: body, encoding: .utf8WithBOM)
        }
        if data.starts(with: [0xFF, 0xFE]) {
            let units = stride(from: 2, to: data.count - 1, by: 2).map { UInt16(data[$0]) | UInt16(data[$0 + 1]) << 8 }
            return Decoded(utf8: Array(String(decoding: units, as: UTF16.self).utf8), encoding: .utf16LE)
        }
        if let control = firstBinaryByte(data) { throw .binary(offset: control) }
        if isValidUTF8(data) { return Decoded(utf8: data, encoding: .utf8) }
        return Decoded(utf8: transcodeWindows1251(data), encoding: .windows1251)
    }

    /// The offset of a byte no text table contains: NUL or a C0 control other than
    /// tab, line feed, carriage return and form feed.
    static func firstBinaryByte(_ data: [UInt8]) -> Int? {
        data.firstIndex { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D && $0 != 0x0C }
    }

    /// A strict UTF-8 check (no overlongs, no surrogates, nothing above U+10FFFF).
    static func isValidUTF8(_ data: [UInt8]) -> Bool {
        data.withUnsafeBufferPointer { p in
            var i = 0
            let n = p.count
            while i < n {
                let c = p[i]
                if c < 0x80 { i += 1; continue }
                let need: Int
                var lower: UInt8 = 0x80
                var upper: UInt8 = 0xBF
                switch c {
                case 0xC2...0xDF: need = 1
                case 0xE0: need = 2; lower = 0xA0
                case 0xE1...0xEC, 0xEE...0xEF: need = 2
                case 0xED: need = 2; upper = 0x9F
                case 0xF0: need = 3; lower = 0x90
                case 0xF1...0xF3: need = 3
                case 0xF4: need = 3; upper = 0x8F
                default: return false
                }
                guard i + need < n else { return false }
                let second = p[i + 1]
                guard second >= lower && second <= upper else { return false }
                var k = 2
                while k <= need {
                    guard p[i + k] & 0xC0 == 0x80 else { return false }
                    k += 1
                }
                i += need + 1
            }
            return true
        }
    }

    /// Windows-1251 to UTF-8. Bytes below 0x80 are ASCII; the upper half maps through
    /// the code page's table (Cyrillic А–я at 0xC0–0xFF, Ё/ё, quotes, dashes, №).
    static func transcodeWindows1251(_ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(data.count * 2)
        for b in data {
            if b < 0x80 { out.append(b); continue }
            let scalar = windows1251UpperHalf[Int(b) - 0x80]
            if scalar < 0x800 {
                out.append(UInt8(0xC0 | (scalar >> 6)))
                out.append(UInt8(0x80 | (scalar & 0x3F)))
            } else {
                out.append(UInt8(0xE0 | (scalar >> 12)))
                out.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
                out.append(UInt8(0x80 | (scalar & 0x3F)))
            }
        }
        return out
    }

    /// Unicode scalars of Windows-1251 bytes 0x80–0xFF (0x98, undefined, maps to U+FFFD).
    private static let windows1251UpperHalf: [UInt32] = [
        0x0402, 0x0403, 0x201A, 0x0453, 0x201E, 0x2026, 0x2020, 0x2021,
        0x20AC, 0x2030, 0x0409, 0x2039, 0x040A, 0x040C, 0x040B, 0x040F,
        0x0452, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0xFFFD, 0x2122, 0x0459, 0x203A, 0x045A, 0x045C, 0x045B, 0x045F,
        0x00A0, 0x040E, 0x045E, 0x0408, 0x00A4, 0x0490, 0x00A6, 0x00A7,
        0x0401, 0x00A9, 0x0404, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x0407,
        0x00B0, 0x00B1, 0x0406, 0x0456, 0x0491, 0x00B5, 0x00B6, 0x00B7,
        0x0451, 0x2116, 0x0454, 0x00BB, 0x0458, 0x0405, 0x0455, 0x0457,
    ] + (0x0410...0x044F).map { UInt32($0) }
}
