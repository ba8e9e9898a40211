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
        effect = Self.effect(indicator)
        fired = indicator.fired
        var detail = [String: String](minimumCapacity: indicator.detail.count + 6)
        Self.forEachDetail(of: indicator) { detail[$0] = $1 }
        self.detail = detail
    }

    /// The effect as written: four decimals.
    static func effect(_ indicator: borrowing IndicatorResult) -> Double {
        (indicator.test.estimate * 10_000).rounded() / 10_000
    }

    /// Each entry of ``detail`` as text, in the order they are set (a later one replaces
    /// an earlier one of the same name): the record and ``UnitLineWriter`` share it.
    static func forEachDetail(of indicator: borrowing IndicatorResult, _ body: (String, String) -> Void) {
        if let direction = indicator.direction { body("direction", direction) }
        for (key, value) in indicator.detail { body(key, text(value)) }
        if indicator.nullScale > 0 { body("null_scale", text((Double(indicator.nullScale) * 100).rounded() / 100)) }
        if let trials = indicator.test.parameter { body("trials", String(Int(trials))) }
        if !indicator.groups.isEmpty { body("groups", indicator.groups.map { $0.joined(separator: ",") }.joined(separator: "; ")) }
        // One caveat is the common case (a small unit's, shared by its results): passed as
        // it is, where joining would copy it into a new string for every result.
        let caveats = indicator.test.caveats
        if caveats.count == 1 { body("caveats", caveats[0]) } else if !caveats.isEmpty { body("caveats", caveats.joined(separator: "; ")) }
    }

    /// A detail value as text: integers without a decimal point.
    private static func text(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
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
