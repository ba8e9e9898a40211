/// FNV-1a, 64-bit, of a string's UTF-8 bytes: a number that depends on the text alone —
/// not on the process, the platform or the order things arrived in — for seeding the
/// random streams of a school so that its results are reproducible.
public enum StableHash {
    public static func of(_ text: String) -> UInt64 {
        text.utf8.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
    }
}
