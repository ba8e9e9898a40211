internal import CRmath

/// The binomial distribution: number of successes in `trials` independent trials.
///
/// Backed by R's standalone math library (`pbinom`, `dbinom`), the reference
/// implementation, so that tail probabilities far below 1e-10 stay accurate.
public struct BinomialDistribution: Sendable, Hashable {
    /// Number of trials (works), ≥ 0.
    public var trials: Int
    /// Success probability of each trial, 0…1.
    public var probability: Double

    public init(trials: Int, probability: Double) {
        precondition(trials >= 0, "trials must be non-negative")
        precondition((0...1).contains(probability), "probability must be in 0…1")
        self.trials = trials
        self.probability = probability
    }

    /// P(X ≥ k): the one-sided p-value for observing at least `k` successes.
    /// Matches R `pbinom(k - 1, n, p, lower.tail = FALSE)` and SciPy `binom.sf(k - 1, n, p)`.
    public func probability(atLeast k: Int) -> Double {
        if k <= 0 { return 1 }
        if k > trials { return 0 }
        return pbinom(Double(k - 1), Double(trials), probability, 0, 0)
    }

    /// P(X ≤ k). Matches R `pbinom(k, n, p)`.
    public func probability(atMost k: Int) -> Double {
        if k < 0 { return 0 }
        if k >= trials { return 1 }
        return pbinom(Double(k), Double(trials), probability, 1, 0)
    }

    /// P(X = k). Matches R `dbinom(k, n, p)`.
    public func probability(exactly k: Int) -> Double {
        dbinom(Double(k), Double(trials), probability, 0)
    }
}
