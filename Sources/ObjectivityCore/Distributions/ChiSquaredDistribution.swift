internal import CRmath

/// The χ² distribution with `degreesOfFreedom` degrees of freedom, backed by R's `pchisq`.
public struct ChiSquaredDistribution: Sendable, Hashable {
    /// Degrees of freedom, > 0 (need not be an integer).
    public var degreesOfFreedom: Double

    public init(degreesOfFreedom: Double) {
        precondition(degreesOfFreedom > 0, "degrees of freedom must be positive")
        self.degreesOfFreedom = degreesOfFreedom
    }

    /// P(X ≥ x): the p-value of a χ² statistic `x`.
    /// Matches R `pchisq(x, df, lower.tail = FALSE)` and SciPy `chi2.sf(x, df)`.
    public func upperTail(_ x: Double) -> Double {
        pchisq(x, degreesOfFreedom, 0, 0)
    }

    /// P(X ≤ x). Matches R `pchisq(x, df)`.
    public func cumulative(_ x: Double) -> Double {
        pchisq(x, degreesOfFreedom, 1, 0)
    }
}
