/// The Windows-1251 code page (what Russian Excel writes as plain «CSV»), both ways.
public enum Windows1251 {
    /// Unicode scalars of bytes 0x80–0xFF (0x98, undefined, maps to U+FFFD).
    public static let upperHalf: [UInt32] = [
        0x0402, 0x0403, 0x201A, 0x0453, 0x201E, 0x2026, 0x2020, 0x2021,
        0x20AC, 0x2030, 0x0409, 0x2039, 0x040A, 0x040C, 0x040B, 0x040F,
        0x0452, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0xFFFD, 0x2122, 0x0459, 0x203A, 0x045A, 0x045C, 0x045B, 0x045F,
        0x00A0, 0x040E, 0x045E, 0x0408, 0x00A4, 0x0490, 0x00A6, 0x00A7,
        0x0401, 0x00A9, 0x0404, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x0407,
        0x00B0, 0x00B1, 0x0406, 0x0456, 0x0491, 0x00B5, 0x00B6, 0x00B7,
        0x0451, 0x2116, 0x0454, 0x00BB, 0x0458, 0x0405, 0x0455, 0x0457,
    ] + (0x0410...0x044F).map { UInt32($0) }

    private static let byScalar: [UInt32: UInt8] = Dictionary(
        uniqueKeysWithValues: upperHalf.enumerated().filter { $0.element != 0xFFFD }.map { ($0.element, UInt8(0x80 + $0.offset)) })

    /// UTF-8 length of each byte's character, by byte value.
    private static let encodedLength: [UInt8] = (0...255).map { b in
        b < 0x80 ? 1 : upperHalf[b - 0x80] < 0x800 ? 2 : 3
    }

    /// Windows-1251 bytes to UTF-8. The length is counted first and the bytes written into
    /// exactly that room, eight at a time through runs of ASCII (digits and delimiters, most
    /// of a results table): appending byte by byte checked capacity on every one.
    public static func decode(_ data: [UInt8]) -> [UInt8] {
        data.withUnsafeBufferPointer { p in
            let n = p.count
            let length = encodedLength.withUnsafeBufferPointer { lengths in p.reduce(0) { $0 &+ Int(lengths[Int($1)]) } }
            return [UInt8](unsafeUninitializedCapacity: length) { out, count in
                var i = 0, o = 0
                while i < n {
                    if i &+ 8 <= n {
                        let w = UnsafeRawPointer(p.baseAddress! + i).loadUnaligned(as: UInt64.self)
                        if w & 0x8080_8080_8080_8080 == 0 {
                            UnsafeMutableRawPointer(out.baseAddress! + o).storeBytes(of: w, as: UInt64.self)
                            i &+= 8
                            o &+= 8
                            continue
                        }
                    }
                    let b = p[i]
                    i &+= 1
                    if b < 0x80 {
                        out[o] = b
                        o &+= 1
                        continue
                    }
                    let scalar = upperHalf[Int(b) - 0x80]
                    if scalar < 0x800 {
                        out[o] = UInt8(0xC0 | (scalar >> 6))
                        out[o &+ 1] = UInt8(0x80 | (scalar & 0x3F))
                        o &+= 2
                    } else {
                        out[o] = UInt8(0xE0 | (scalar >> 12))
                        out[o &+ 1] = UInt8(0x80 | ((scalar >> 6) & 0x3F))
                        out[o &+ 2] = UInt8(0x80 | (scalar & 0x3F))
                        o &+= 3
                    }
                }
                count = o
            }
        }
    }

    /// UTF-8 to Windows-1251; a character the code page lacks becomes `?`.
    public static func encode(_ utf8: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count)
        for scalar in String(decoding: utf8, as: UTF8.self).unicodeScalars {
            if scalar.value < 0x80 {
                out.append(UInt8(scalar.value))
            } else {
                out.append(byScalar[scalar.value] ?? UInt8(ascii: "?"))
            }
        }
        return out
    }
}
