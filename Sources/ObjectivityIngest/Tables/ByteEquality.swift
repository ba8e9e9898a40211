import Foundation

/// Byte-string equality by `memcmp`: the generic `elementsEqual` walks an iterator per
/// byte, and these compares run on every row (school, class, participant code).
enum ByteEquality {
    @inline(__always)
    static func equal(_ a: [UInt8], _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        if b.isEmpty { return true }
        return a.withUnsafeBufferPointer { memcmp($0.baseAddress!, b.baseAddress!, b.count) == 0 }
    }

    @inline(__always)
    static func equal(_ a: ArraySlice<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        if b.isEmpty { return true }
        return a.withUnsafeBufferPointer { memcmp($0.baseAddress!, b.baseAddress!, b.count) == 0 }
    }

    @inline(__always)
    static func equal(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        if b.isEmpty { return true }
        return memcmp(a.baseAddress!, b.baseAddress!, b.count) == 0
    }
}

extension ByteEquality {
    /// Byte offset of the first occurrence of `needle` in `text`'s UTF-8, if any: a plain
    /// scan with memcmp (the generic `firstRange(of:)` builds a Z-array with generic
    /// metadata on every call, and headers are searched once per file).
    static func offset(of needle: String, in text: String) -> Int? {
        var haystack = text, pattern = needle
        return haystack.withUTF8 { h in
            pattern.withUTF8 { n in
                guard !n.isEmpty else { return 0 }
                guard h.count >= n.count else { return nil }
                for start in 0...(h.count - n.count) where h[start] == n[0] {
                    if memcmp(h.baseAddress! + start, n.baseAddress!, n.count) == 0 { return start }
                }
                return nil
            }
        }
    }
}
