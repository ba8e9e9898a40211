/// How far each school's mean result sits from the region's, on the scale of honest
/// between-school variation: an empirical-Bayes (normal–normal) model.
///
/// A school's mean score has sampling variance σ²/n (σ² pooled within schools) around its
/// true level, and true levels vary between schools with variance τ² (DerSimonian–Laird
/// moment estimate). The predictive z of a school, (mean − μ) / √(τ² + σ²/n), is what an
/// honest school of that size would show; its shrunken level μ + B (mean − μ), with
/// B = τ² / (τ² + σ²/n), is what a person should read for a small school.
public struct SchoolLevelModel: Sendable {
    /// Region mean of the per-school means, weighted by the precision of each.
    public let mean: Double
    /// Between-school variance of true levels, τ².
    public let betweenVariance: Double
    /// Pooled within-school variance of one result, σ².
    public let withinVariance: Double

    /// One school's summary: its number of results, their sum and sum of squares.
    public struct Group: Sendable {
        public var count: Int
        public var sum: Double
        public var sumOfSquares: Double

        public init(count: Int = 0, sum: Double = 0, sumOfSquares: Double = 0) {
            self.count = count
            self.sum = sum
            self.sumOfSquares = sumOfSquares
        }

        public mutating func add(_ x: Double) {
            count += 1
            sum += x
            sumOfSquares += x * x
        }

        /// Adds another summary of the same school's results (from another file).
        public mutating func merge(_ other: Group) {
            count += other.count
            sum += other.sum
            sumOfSquares += other.sumOfSquares
        }

        public var average: Double { count > 0 ? sum / Double(count) : 0 }
    }

    public init(groups: [Group]) {
        let used = groups.filter { $0.count > 0 }
        var within = 0.0, dof = 0
        for g in used where g.count > 1 {
            within += g.sumOfSquares - g.sum * g.sum / Double(g.count)
            dof += g.count - 1
        }
        let sigma2 = dof > 0 ? max(within / Double(dof), 1e-9) : 1
        let weights = used.map { Double($0.count) / sigma2 }
        let totalWeight = weights.reduce(0, +)
        let fixedMean = totalWeight > 0 ? zip(used, weights).reduce(0) { $0 + $1.0.average * $1.1 } / totalWeight : 0
        let q = zip(used, weights).reduce(0) { $0 + $1.1 * ($1.0.average - fixedMean) * ($1.0.average - fixedMean) }
        let c = totalWeight - weights.reduce(0) { $0 + $1 * $1 } / max(totalWeight, 1e-12)
        let tau2 = c > 0 ? max(0, (q - Double(used.count - 1)) / c) : 0
        let randomWeights = used.map { 1 / (tau2 + sigma2 / Double($0.count)) }
        let randomTotal = randomWeights.reduce(0, +)
        mean = randomTotal > 0 ? zip(used, randomWeights).reduce(0) { $0 + $1.0.average * $1.1 } / randomTotal : fixedMean
        betweenVariance = tau2
        withinVariance = sigma2
    }

    /// The predictive z of a school with `n` results averaging `average`.
    public func z(average: Double, count n: Int) -> Double {
        let variance = betweenVariance + withinVariance / Double(max(n, 1))
        return variance > 0 ? (average - mean) / variance.squareRoot() : 0
    }

    /// The shrunken level of such a school.
    public func shrunken(average: Double, count n: Int) -> Double {
        let b = betweenVariance / (betweenVariance + withinVariance / Double(max(n, 1)))
        return mean + b * (average - mean)
    }
}
