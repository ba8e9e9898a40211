public import ObjectivityCore

/// One indicator of a unit as `units.jsonl` carries it (FORMATS.md §5).
public struct IndicatorRecord: Codable, Sendable, Equatable {
    public var code: String
    public var statistic: Double
    public var pValue: Double
    public var qValue: Double
    /// Effect in units a person reads (for a peak: excess share of works on the cut).
    public var effect: Double
    public var fired: Bool
    /// Direction, cut, trials: what a methodologist needs to check the figure.
    public var detail: [String: String]

    enum CodingKeys: String, CodingKey {
        case code, statistic, effect, fired, detail
        case pValue = "p_value", qValue = "q_value"
    }

    public init(_ indicator: borrowing IndicatorResult) {
        code = indicator.code
        statistic = indicator.test.statistic
        pValue = Self.round(indicator.test.pValue)
        qValue = Self.round(indicator.qValue)
        effect = Self.effect(estimate: indicator.test.estimate)
        fired = indicator.fired
        var entries: [DetailEntry] = []
        withUnsafePointer(to: indicator) { DetailEntry.entries(of: $0, into: &entries) }
        var detail = [String: String](minimumCapacity: entries.count)
        for entry in entries { detail[entry.key] = entry.text }
        self.detail = detail
    }

    /// The effect as written: the result's estimate to four decimals.
    static func effect(estimate: Double) -> Double {
        (estimate * 10_000).rounded() / 10_000
    }

    /// Twelve significant bits (about four decimal digits): enough to rank and audit, short
    /// enough to read. Works on the significand, so that p-values down to the smallest
    /// subnormal stay finite (scaling by 2^(12 − exponent) overflowed below 10⁻³⁰⁸ and
    /// wrote `nan` into units.jsonl).
    static func round(_ x: Double) -> Double {
        guard x > 0, x.isFinite else { return x }
        return Double(sign: .plus, exponent: x.exponent, significand: (x.significand * 4096).rounded() / 4096)
    }
}
