#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Fisher's noncentral hypergeometric distribution: the number X₁ of successes in the
/// first of two binomial samples, X₁ ~ B(n₁, p₁) and X₂ ~ B(n₂, p₂), given that together
/// they have `total` successes. P(X₁ = x) ∝ C(n₁, x) · C(n₂, total − x) · ωˣ with
/// ω = [p₁/(1 − p₁)] / [p₂/(1 − p₂)], the odds ratio.
///
/// Conditioning on the total removes anything the two samples share on the logit scale
/// (a school's own effect), which is why the year-over-year test of a school's share at
/// the minimum uses it. Matches SciPy `nchypergeom_fisher(M = n₁ + n₂, n = n₁, N = total,
/// odds = ω)` and R `BiasedUrn::dFNCHypergeo(x, n₁, n₂, total, ω)`. Computed exactly by
/// summing the support in log space (samples here are schools: hundreds, not millions).
public struct FisherNoncentralHypergeometric: Sendable, Equatable {
    public let first: Int
    public let second: Int
    public let total: Int
    public let oddsRatio: Double
    /// P(X₁ = x) for x in ``support``.
    private let masses: [Double]

    /// The values X₁ can take: max(0, total − n₂) … min(n₁, total).
    public var support: ClosedRange<Int> { max(0, total - second)...min(first, total) }

    public init(first: Int, second: Int, total: Int, oddsRatio: Double) {
        precondition(first >= 0 && second >= 0 && (0...(first + second)).contains(total), "a total the two samples can hold")
        precondition(oddsRatio > 0 && oddsRatio.isFinite, "a positive, finite odds ratio")
        self.first = first
        self.second = second
        self.total = total
        self.oddsRatio = oddsRatio
        let range = max(0, total - second)...min(first, total)
        let logOdds = log(oddsRatio)
        let logs = range.map { x in
            Self.logChoose(first, x) + Self.logChoose(second, total - x) + Double(x) * logOdds
        }
        let top = logs.max() ?? 0
        let weights = logs.map { exp($0 - top) }
        let sum = weights.reduce(0, +)
        masses = weights.map { $0 / sum }
    }

    /// P(X₁ = x).
    public func probability(exactly x: Int) -> Double {
        support.contains(x) ? masses[x - support.lowerBound] : 0
    }

    /// P(X₁ ≥ x): the one-sided p-value of a rise in the first sample. Summed from the
    /// upper end, so that small tails keep their digits.
    public func probability(atLeast x: Int) -> Double {
        if x <= support.lowerBound { return 1 }
        if x > support.upperBound { return 0 }
        var sum = 0.0
        for v in stride(from: support.upperBound, through: x, by: -1) { sum += masses[v - support.lowerBound] }
        return min(1, sum)
    }

    /// E[X₁].
    public var mean: Double {
        zip(support, masses).reduce(0) { $0 + Double($1.0) * $1.1 }
    }

    /// Var[X₁].
    public var variance: Double {
        let m = mean
        return zip(support, masses).reduce(0) { $0 + (Double($1.0) - m) * (Double($1.0) - m) * $1.1 }
    }

    private static func logChoose(_ n: Int, _ k: Int) -> Double {
        lgamma(Double(n + 1)) - lgamma(Double(k + 1)) - lgamma(Double(n - k + 1))
    }
}
