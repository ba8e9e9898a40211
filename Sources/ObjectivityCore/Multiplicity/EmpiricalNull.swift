/// Calibrates a family of unit-level tests against the spread the units themselves show
/// (Efron's empirical null).
///
/// Tests that treat a school's works as independent understate honest variation between
/// schools: journals differ in leniency, classes in their teacher. Over a sitting, most
/// units are honest, so the bulk of their standardised statistics shows the real null:
/// its centre is the median, its scale 1.4826 × MAD. A unit's p-value is then the larger
/// of the exact p-value and the upper tail of its statistic under this empirical null —
/// never less conservative than the exact test.
public struct EmpiricalNull: Sendable, Equatable {
    public let center: Double
    /// Scale of the null, ≥ 1 (a family is never treated as less variable than its model).
    public let scale: Double

    /// Fewer statistics than this leave the theoretical null (center 0, scale 1) in force.
    public static let minimumUnits = 30

    /// Estimates the null from the standardised statistics of a family.
    public init(standardized: [Double]) {
        let z = standardized.filter(\.isFinite).sorted()
        guard z.count >= Self.minimumUnits else {
            center = 0
            scale = 1
            return
        }
        func median(_ sorted: [Double]) -> Double {
            let n = sorted.count
            return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2
        }
        let m = median(z)
        let mad = median(z.map { abs($0 - m) }.sorted())
        center = max(0, m)
        scale = max(1, 1.4826 * mad)
    }

    /// The calibrated one-sided p-value of a test with `exact` p and statistic `z`.
    public func pValue(exact: Double, standardized z: Double?) -> Double {
        guard let z, scale > 1 || center > 0 else { return exact }
        return max(exact, NormalDistribution().upperTail((z - center) / scale))
    }
}
