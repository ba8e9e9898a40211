/// Turns a unit's indicators into `risk_score` and `risk_level`.
///
/// Method: each indicator family's p-values are Benjamini–Hochberg adjusted within the
/// sitting; the unit's evidence is its smallest q-value, Bonferroni-corrected for the
/// number of families tested (K), so that having more indicators does not by itself raise
/// risk: `risk_score = 1 − min(1, K · min q)`. Levels: `high` ≥ 0.99, `medium` ≥ 0.95,
/// `low` ≥ 0.80. A unit of fewer than ``smallUnit`` works never reaches `high` on one
/// fired indicator alone. Under the null, K · min q ≤ 0.01 happens for well under 1 % of
/// units (checked by a test over simulated clean regions).
public enum RiskModel {
    /// q below which an indicator counts as fired.
    public static let firingQ = 0.05
    public static let highScore = 0.99
    public static let mediumScore = 0.95
    public static let lowScore = 0.80
    /// Units smaller than this never reach `high` on a single indicator.
    public static let smallUnit = 10

    /// Fills q-values, `fired`, the risk score and level of every unit of one sitting.
    public static func apply(to units: inout [UnitResult]) {
        var families: [String: [(unit: Int, indicator: Int)]] = [:]
        for (u, unit) in units.enumerated() {
            for (i, indicator) in unit.indicators.enumerated() { families[indicator.family, default: []].append((u, i)) }
        }
        for members in families.values {
            let q = BenjaminiHochberg.qValues(members.map { units[$0.unit].indicators[$0.indicator].test.pValue })
            for (member, value) in zip(members, q) {
                units[member.unit].indicators[member.indicator].qValue = value
                units[member.unit].indicators[member.indicator].fired = value < firingQ
            }
        }
        for u in units.indices {
            let k = Double(max(1, units[u].indicators.count))
            let minimum = units[u].indicators.map(\.qValue).min() ?? 1
            let score = 1 - min(1, k * minimum)
            units[u].riskScore = score
            var level: RiskLevel = score >= highScore ? .high : score >= mediumScore ? .medium : score >= lowScore ? .low : .none
            if level == .high, units[u].works < smallUnit, units[u].indicators.filter(\.fired).count < 2 { level = .medium }
            units[u].riskLevel = level
        }
    }
}
