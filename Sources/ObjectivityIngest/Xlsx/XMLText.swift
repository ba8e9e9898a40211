/// Byte-level helpers for the small subset of XML found in XLSX parts.
enum XMLText {
    /// Decodes the five predefined entities and numeric character references.
    static func unescape(_ bytes: ArraySlice<UInt8>, into out: inout [UInt8]) {
        guard bytes.contains(UInt8(ascii: "&")) else {
            out.append(contentsOf: bytes)
            return
        }
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let c = bytes[i]
            guard c == UInt8(ascii: "&"), let semi = bytes[i...].prefix(12).firstIndex(of: UInt8(ascii: ";")) else {
                out.append(c)
                i += 1
                continue
            }
            let name = String(decoding: bytes[(i + 1)..<semi], as: UTF8.self)
            var scalar: Unicode.Scalar?
            switch name {
            case "amp": scalar = "&"
            case "lt": scalar = "<"
            case "gt": scalar = ">"
            case "quot": scalar = "\""
            case "apos": scalar = "'"
            default:
                if name.hasPrefix("#x") || name.hasPrefix("#X") {
                    scalar = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
                } else if name.hasPrefix("#") {
                    scalar = UInt32(name.dropFirst(1)).flatMap(Unicode.Scalar.init)
                }
            }
            if let scalar {
                out.append(contentsOf: String(Character(scalar)).utf8)
                i = semi + 1
            } else {
                out.append(c)
                i += 1
            }
        }
    }

    /// The value of attribute `name` inside a start tag `tag` (bytes between `<` and `>`).
    static func attribute(_ name: [UInt8], in tag: ArraySlice<UInt8>) -> ArraySlice<UInt8>? {
        var i = tag.startIndex
        while let found = firstRange(of: name, in: tag[i...]) {
            let before = found.lowerBound > tag.startIndex ? tag[found.lowerBound - 1] : 0x20
            var j = found.upperBound
            if before == 0x20 || before == 0x09 || before == 0x0A || before == 0x0D {
                while j < tag.endIndex, tag[j] == 0x20 { j += 1 }
                if j < tag.endIndex, tag[j] == UInt8(ascii: "=") {
                    j += 1
                    while j < tag.endIndex, tag[j] == 0x20 { j += 1 }
                    if j < tag.endIndex, tag[j] == UInt8(ascii: "\"") || tag[j] == UInt8(ascii: "'") {
                        let q = tag[j]
                        if let end = tag[(j + 1)...].firstIndex(of: q) { return tag[(j + 1)..<end] }
                    }
                }
            }
            i = found.upperBound
        }
        return nil
    }

    /// The first occurrence of `needle` in `haystack`.
    static func firstRange(of needle: [UInt8], in haystack: ArraySlice<UInt8>) -> Range<Int>? {
        guard let first = needle.first, needle.count <= haystack.count else { return nil }
        var i = haystack.startIndex
        let last = haystack.endIndex - needle.count
        while i <= last {
            guard let hit = haystack[i...last].firstIndex(of: first) else { return nil }
            if haystack[hit..<(hit + needle.count)].elementsEqual(needle) { return hit..<(hit + needle.count) }
            i = hit + 1
        }
        return nil
    }

    /// The last occurrence of `needle` in `haystack`.
    static func lastRange(of needle: [UInt8], in haystack: [UInt8]) -> Range<Int>? {
        guard needle.count <= haystack.count else { return nil }
        var i = haystack.count - needle.count
        while i >= 0 {
            if haystack[i] == needle[0], haystack[i..<(i + needle.count)].elementsEqual(needle) {
                return i..<(i + needle.count)
            }
            i -= 1
        }
        return nil
    }
}
