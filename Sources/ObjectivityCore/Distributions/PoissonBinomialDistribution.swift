/// The number of successes in independent trials with different probabilities.
///
/// The expected count of «Подтвердили» in a unit is a sum over its works, each with its
/// own probability given its journal mark: a Poisson-binomial, computed exactly by
/// dynamic programming (O(n²), fine for a unit's works; no normal approximation).
public struct PoissonBinomialDistribution: Sendable {
    /// Success probability of each trial, 0…1.
    public let probabilities: [Double]

    public init(probabilities: [Double]) {
        self.probabilities = probabilities.map { min(1, max(0, $0)) }
    }

    /// Expected number of successes.
    public var mean: Double { probabilities.reduce(0, +) }

    /// P(X ≥ k): the one-sided p-value for at least `k` successes.
    public func probability(atLeast k: Int) -> Double {
        if k <= 0 { return 1 }
        if k > probabilities.count { return 0 }
        // dist[j] = P(j successes among the trials so far), over a raw buffer: this runs
        // four times for every unit of a country, and the array's bounds and uniqueness
        // checks on each of the n²/2 updates cost more than the arithmetic.
        var dist = [Double](repeating: 0, count: probabilities.count + 1)
        dist.withUnsafeMutableBufferPointer { dist in
            dist[0] = 1
            var used = 0
            for p in probabilities {
                used += 1
                var j = used
                while j > 0 {
                    dist[j] = dist[j] * (1 - p) + dist[j - 1] * p
                    j -= 1
                }
                dist[0] *= (1 - p)
            }
        }
        return min(1, dist[k...].reduce(0, +))
    }
}
