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
        return Decoded(utf8: Windows1251.decode(data), encoding: .windows1251, lineBreaks: scan.lineBreaks)
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
                        // Bytes that need a look: non-ASCII (high bit) or below 0x20. The
                        // "below 0x20" test may also flag a byte after a flagged one, never
                        // miss one, so skipping to the first flagged byte is exact.
                        let high = w & 0x8080_8080_8080_8080
                        let low = (w &- 0x2020_2020_2020_2020) & ~w & 0x8080_8080_8080_8080
                        let flagged = high | low
                        if flagged == 0 {
                            i += 8
                            continue
                        }
                        i += flagged.trailingZeroBitCount >> 3
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
                    // Two-byte sequences (all of Cyrillic) first: the common case.
                    if c >= 0xC2, c <= 0xDF, i + 1 < n, p[i + 1] & 0xC0 == 0x80 {
                        i += 2
                        continue
                    }
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
}
