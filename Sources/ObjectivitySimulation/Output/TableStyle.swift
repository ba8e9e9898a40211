import ObjectivityCore

/// How one simulated file is written: the variety real uploads show.
struct TableStyle: Sendable {
    enum Encoding: Sendable { case utf8, utf8WithBOM, windows1251 }

    var encoding: Encoding
    var delimiter: UInt8
    var crlf: Bool
    var xlsx: Bool
    var titleRow: Bool
    var difficultyRow: Bool
    /// What a blank task looks like: `X`, `Х`, `-`, `—` or empty.
    var missingMarker: String
    /// Whether the file name is transliterated (`vpr-2025-matematika-5-…`).
    var transliteratedName: Bool

    static func draw(_ rng: inout SplitMix64, xlsxShare: Double, titleRowShare: Double) -> TableStyle {
        let e = rng.nextUnit()
        let d = rng.nextUnit()
        return TableStyle(
            encoding: e < 0.4 ? .utf8WithBOM : e < 0.8 ? .windows1251 : .utf8,
            delimiter: d < 0.7 ? UInt8(ascii: ";") : d < 0.85 ? UInt8(ascii: "\t") : UInt8(ascii: ","),
            crlf: rng.nextUnit() < 0.8,
            xlsx: rng.nextUnit() < xlsxShare,
            titleRow: rng.nextUnit() < titleRowShare,
            difficultyRow: rng.nextUnit() < 0.5,
            missingMarker: ["X", "Х", "-", "—", ""][Int(rng.nextUnit() * 5)],
            transliteratedName: rng.nextUnit() < 0.3)
    }
}
