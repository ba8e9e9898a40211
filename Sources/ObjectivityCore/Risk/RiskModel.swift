#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Turns a unit's indicators into `risk_score` and `risk_level`.
///
/// Method: each indicator family's p-values are Benjamini–Hochberg adjusted within the
/// sitting, weighted by the unit's prior (``UnitResult/priorWeight``, 1 unless the school
/// showed signs in earlier years; p is divided by it). The score ranks by the strength of the evidence, continuously, so that weak
/// signs still order units: P is Simes' combination of the unit's K weighted p-values,
/// P = min over j of K · p₍ⱼ₎ / j (sorted ascending) — a test of "no family shows a sign"
/// that is valid for independent and positively dependent families, never above
/// Bonferroni's K · min p, and lower when several families point the same way (a journal
/// inflated in «Понизили», large gaps and against its own other years); more indicators
/// do not by themselves raise risk. With E = −log₁₀ P,
/// `risk_score = E / (E + 2)` (P = 0.01 → 0.5, 10⁻⁴ → 0.67, 10⁻⁸ → 0.8). The level comes
/// from the q-values, which control false discoveries: with Q = min(1, K · min q),
/// `high` if Q ≤ 0.01, `medium` if Q ≤ 0.05, `low` if Q ≤ 0.2. A unit of fewer than
/// ``smallUnit`` works never reaches `high` on one fired indicator alone. On simulated
/// clean regions at most 1 % of units are `high` and 5 % `medium` or above (a test).
public enum RiskModel {
    /// q below which an indicator counts as fired.
    public static let firingQ = 0.05
    /// Largest K · min q for each level (0.01, 0.05, 0.2 unless configured).
    public struct Thresholds: Sendable, Equatable {
        public var highQ: Double
        public var mediumQ: Double
        public var lowQ: Double
        public init(highQ: Double, mediumQ: Double, lowQ: Double) {
            self.highQ = highQ
            self.mediumQ = mediumQ
            self.lowQ = lowQ
        }
        public static let standard = Thresholds(highQ: 0.01, mediumQ: 0.05, lowQ: 0.2)
    }
    /// Units smaller than this never reach `high` on a single indicator.
    public static let smallUnit = 10

    /// p / w, the weighted p-value of Genovese, Roeder & Wasserman (2006): with weights of
    /// mean 1 over a sitting, BH on them still controls the false discovery rate.
    private static func weighted(_ p: Double, _ unit: UnitResult) -> Double { min(1, p / unit.priorWeight) }

    /// Simes' combined p of `pValues`: min over j of K · p₍ⱼ₎ / j, at most 1 (1 when empty).
    static func simes(_ pValues: [Double]) -> Double {
        let sorted = pValues.sorted()
        let k = Double(sorted.count)
        return sorted.enumerated().reduce(1.0) { min($0, k * $1.element / Double($1.offset + 1)) }
    }

    /// Fills q-values, `fired`, the risk score and level of every unit of one sitting.
    public static func apply(to units: inout [UnitResult], thresholds: Thresholds = .standard) {
        var slots: [IndicatorResult.FamilyKey: Int] = [:]
        let families = IndicatorFamilies.places(of: units) { indicator in
            let key = indicator.familyKey
            if let known = slots[key] { return known }
            slots[key] = slots.count
            return slots.count - 1
        }
        for members in families {
            let q = BenjaminiHochberg.qValues(members.map { Self.weighted(units[$0.unit].indicators[$0.indicator].test.pValue, units[$0.unit]) })
            for (member, value) in zip(members, q) {
                units[member.unit].indicators[member.indicator].qValue = value
                units[member.unit].indicators[member.indicator].fired = value < firingQ
            }
        }
        for u in units.indices {
            let k = Double(max(1, units[u].indicators.count))
            let p = max(1e-300, Self.simes(units[u].indicators.map { Self.weighted($0.test.pValue, units[u]) }))
            let evidence = -log10(p)
            units[u].riskScore = evidence / (evidence + 2)
            let q = min(1, k * (units[u].indicators.map(\.qValue).min() ?? 1))
            var level: RiskLevel = q <= thresholds.highQ ? .high : q <= thresholds.mediumQ ? .medium : q <= thresholds.lowQ ? .low : .none
            if level == .high, units[u].works < smallUnit, units[u].indicators.filter(\.fired).count < 2 { level = .medium }
            units[u].riskLevel = level
        }
    }
}
