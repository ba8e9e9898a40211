/// Turns the bytes of a text table into UTF-8, detecting the encoding from the bytes.
///
/// The rule: a UTF-8 BOM means UTF-8; a UTF-16LE BOM means UTF-16LE; bytes that are
/// valid UTF-8 are UTF-8; anything else is Windows-1251, the only other encoding
/// Russian office software writes. A NUL or another control byte outside UTF-16 means
/// the file is not text at all.
enum TextDecoder {
    struct Decoded {
        var utf8: [UInt8]
        var encoding: TextEncoding
        /// Line feeds in the text (carriage returns if it has none): an upper estimate of
        /// the number of rows, to size the columns once.
        var lineBreaks: Int
    }

    enum Failure: Error { case binary(offset: Int) }

    static func decode(_ data: [UInt8]) throws(Failure) -> Decoded {
        if data.starts(with: [0xEF, 0xBB, 0xBF]) {
            let body = Array(data[3...])
            let scan = Scan(body)
            if let control = scan.binaryOffset { throw .binary(offset: control + 3) }
            return Decoded(utf8: body, encoding: .utf8WithBOM, lineBreaks: scan.lineBreaks)
        }
        if data.starts(with: [0xFF, 0xFE]) {
            let units = stride(from: 2, to: data.count - 1, by: 2).map { UInt16(data[$0]) | UInt16(data[$0 + 1]) << 8 }
            let utf8 = Array(String(decoding: units, as: UTF16.self).utf8)
            return Decoded(utf8: utf8, encoding: .utf16LE, lineBreaks: Scan(utf8).lineBreaks)
        }
        let scan = Scan(data)
        if let control = scan.binaryOffset { throw .binary(offset: control) }
        if scan.isValidUTF8 { return Decoded(utf8: data, encoding: .utf8, lineBreaks: scan.lineBreaks) }
        return Decoded(utf8: transcodeWindows1251(data), encoding: .windows1251, lineBreaks: scan.lineBreaks)
    }

    /// One pass over the bytes: strict UTF-8 validity (no overlongs, no surrogates, nothing
    /// above U+10FFFF), the first byte no text table contains (NUL or a C0 control other
    /// than tab, line feed, carriage return, form feed), and the line breaks. Runs of
    /// ASCII are taken eight bytes at a time.
    struct Scan {
        var isValidUTF8 = true
        var binaryOffset: Int?
        var lineBreaks = 0

        init(_ data: [UInt8]) {
            var lf = 0, cr = 0
            data.withUnsafeBufferPointer { p in
                let n = p.count
                var i = 0
                while i < n {
                    if i + 8 <= n {
                        let w = UnsafeRawPointer(p.baseAddress! + i).loadUnaligned(as: UInt64.self)
                        // All ASCII and no byte below 0x20: nothing to check byte by byte.
                        let high = w & 0x8080_8080_8080_8080
                        let low = (w &- 0x2020_2020_2020_2020) & ~w & 0x8080_8080_8080_8080
                        if high == 0 && low == 0 {
                            i += 8
                            continue
                        }
                    }
                    let c = p[i]
                    if c < 0x80 {
                        if c < 0x20 {
                            if c == 0x0A { lf += 1 } else if c == 0x0D { cr += 1 } else if c != 0x09 && c != 0x0C {
                                binaryOffset = i
                                return
                            }
                        }
                        i += 1
                        continue
                    }
                    guard isValidUTF8 else { i += 1; continue }
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
                    default: need = -1
                    }
                    guard need > 0, i + need < n, p[i + 1] >= lower, p[i + 1] <= upper,
                          need < 2 || p[i + 2] & 0xC0 == 0x80, need < 3 || p[i + 3] & 0xC0 == 0x80 else {
                        isValidUTF8 = false
                        i += 1
                        continue
                    }
                    i += need + 1
                }
            }
            lineBreaks = lf > 0 ? lf : cr
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
