/// The character encoding a text table was written in, as detected from its bytes.
public enum TextEncoding: String, Sendable, Equatable {
    /// UTF-8 without a byte-order mark.
    case utf8 = "UTF-8"
    /// UTF-8 with a byte-order mark (what Excel's «CSV UTF-8» writes).
    case utf8WithBOM = "UTF-8 (BOM)"
    /// UTF-16 little-endian with a byte-order mark (Excel's «Unicode text»).
    case utf16LE = "UTF-16LE"
    /// Windows-1251 (what Russian Excel writes as plain «CSV»).
    case windows1251 = "Windows-1251"
}
