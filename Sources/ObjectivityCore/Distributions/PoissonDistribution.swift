internal import CRmath

/// The Poisson distribution with mean `mean`, backed by R's `ppois` so that far tails
/// stay accurate.
public struct PoissonDistribution: Sendable, Hashable {
    /// Expected count, ≥ 0.
    public var mean: Double

    public init(mean: Double) {
        precondition(mean >= 0, "mean must be non-negative")
        self.mean = mean
    }

    /// P(X ≥ k). Matches R `ppois(k - 1, mean, lower.tail = FALSE)` and SciPy `poisson.sf(k - 1, mean)`.
    public func probability(atLeast k: Int) -> Double {
        if k <= 0 { return 1 }
        if mean == 0 { return 0 }
        return ppois(Double(k - 1), mean, 0, 0)
    }
}
