internal import CRmath

/// The normal distribution, backed by R's `pnorm`/`qnorm`.
///
/// Rmath defines `pnorm` and `qnorm` as macros for `pnorm5` and `qnorm5`, which
/// Swift cannot see; the real symbols are called.
public struct NormalDistribution: Sendable, Hashable {
    public var mean: Double
    /// Standard deviation, > 0.
    public var standardDeviation: Double

    public init(mean: Double = 0, standardDeviation: Double = 1) {
        precondition(standardDeviation > 0, "standard deviation must be positive")
        self.mean = mean
        self.standardDeviation = standardDeviation
    }

    /// P(X ≥ x). Matches R `pnorm(x, mean, sd, lower.tail = FALSE)` and SciPy `norm.sf`.
    public func upperTail(_ x: Double) -> Double {
        pnorm5(x, mean, standardDeviation, 0, 0)
    }

    /// P(X ≤ x). Matches R `pnorm(x, mean, sd)`.
    public func cumulative(_ x: Double) -> Double {
        pnorm5(x, mean, standardDeviation, 1, 0)
    }

    /// The `p` quantile, 0 < p < 1. Matches R `qnorm(p, mean, sd)`.
    public func quantile(_ p: Double) -> Double {
        qnorm5(p, mean, standardDeviation, 1, 0)
    }
}
