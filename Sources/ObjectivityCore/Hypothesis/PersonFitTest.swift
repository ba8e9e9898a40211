/// `person_fit`: the unit's mean U3poly (``PolytomousPersonFit``) against the region's
/// works with the same totals — a unit whose works solve the hard steps while failing
/// easy ones more than honest works of the same scores do.
///
/// Null: each of the unit's works replaced by a work drawn at random from the sitting's
/// works with the same total (a bootstrap conditional on the scores, because short tests
/// make U3's distribution depend strongly on the total and break normal approximations).
/// The p-value is Monte Carlo with sequential stopping — after ``exceedances`` resampled
/// means at or above the observed one, or ``maxSimulations`` in all (p = h / m when
/// stopped early, (h + 1) / (m + 1) else). The standardised value uses the bootstrap
/// distribution's exact mean and variance, for the sitting's empirical null. Effect: the
/// excess of the mean U3 over its expectation (0…1 scale).
public struct PersonFitTest: Sendable {
    public let exceedances: Int
    public let maxSimulations: Int
    private let u3: [Double]
    private let totals: [Int]
    /// The sitting's U3 values grouped by total in one array: total t's values are
    /// `pooled[poolStart[t]..<poolStart[t + 1]]` (one buffer, so a draw retains nothing).
    private let pooled: [Double]
    private let poolStart: [Int]
    /// Mean and variance of the U3 values by total.
    private let meanByTotal: [Double]
    private let varianceByTotal: [Double]

    /// Values kept per total for the draws.
    static let poolLimit = 4096

    public init(sitting: Sitting, exceedances: Int = 10, maxSimulations: Int = 999) {
        self.exceedances = exceedances
        self.maxSimulations = maxSimulations
        let maxima = sitting.tasks.map(\.maxScore)
        let fit = PolytomousPersonFit(maxima: maxima, scores: sitting.works.taskScores)
        let count = sitting.works.primaryScore.count
        var u3: [Double] = [], totals: [Int] = []
        u3.reserveCapacity(count)
        totals.reserveCapacity(count)
        // Each work's scores read in place, its U3 and total in one pass (a slice per work and
        // the total summed again cost as much as the U3).
        let tasks = sitting.works.taskCount
        sitting.works.taskScores.withUnsafeBufferPointer { scores in
            for w in 0..<count {
                let work = fit.u3AndTotal(UnsafeBufferPointer(rebasing: scores[(w * tasks)..<((w + 1) * tasks)]))
                u3.append(work.u3)
                totals.append(work.total)
            }
        }
        var byTotal = [[Double]](repeating: [], count: maxima.reduce(0, +) + 1)
        for (value, total) in zip(u3, totals) { byTotal[total].append(value) }
        self.u3 = u3
        self.totals = totals
        // Draws come from at most `poolLimit` values per total, a seeded random subsample of
        // the sitting's: a country's sitting has 10⁵ works at a total, and draws scattered
        // over 11 MB missed the caches on every one.
        var sample = SplitMix64(seed: 0x5057_4649, stream: UInt64(count))
        let drawn = byTotal.map { values -> [Double] in
            guard values.count > Self.poolLimit else { return values }
            var v = values
            for i in 0..<Self.poolLimit { v.swapAt(i, i + Int(sample.next() % UInt64(v.count - i))) }
            return Array(v[0..<Self.poolLimit])
        }
        pooled = drawn.flatMap { $0 }
        var start = [0]
        for values in drawn { start.append(start.last! + values.count) }
        poolStart = start
        meanByTotal = byTotal.map { $0.isEmpty ? 0 : $0.reduce(0, +) / Double($0.count) }
        varianceByTotal = zip(byTotal, meanByTotal).map { values, mean in
            values.isEmpty ? 0 : values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count)
        }
    }

    public func test(rows: Range<Int>, seed: UInt64) -> HypothesisTestResult {
        let n = rows.count
        guard n > 0 else {
            return HypothesisTestResult(statistic: 0, parameter: 0, pValue: 1, estimate: 0, method: Self.method, alternative: .greater)
        }
        let observed = rows.reduce(0.0) { $0 + u3[$1] } / Double(n)
        let expected = rows.reduce(0.0) { $0 + meanByTotal[totals[$1]] } / Double(n)
        let variance = rows.reduce(0.0) { $0 + varianceByTotal[totals[$1]] } / Double(n * n)
        // Where each work's pool starts and how many values it holds, looked up once for
        // all the draws (the same draws as indexing the pools inside the loop).
        let pools = rows.map { (start: poolStart[totals[$0]], size: poolStart[totals[$0] + 1] - poolStart[totals[$0]]) }
        var rng = SplitMix64(seed: seed, stream: 0)
        var hits = 0, simulations = 0
        while simulations < maxSimulations && hits < exceedances {
            var sum = 0.0
            for pool in pools {
                sum += pooled[pool.start + min(pool.size - 1, Int(rng.nextUnit() * Double(pool.size)))]
            }
            simulations += 1
            if sum / Double(n) >= observed - 1e-12 { hits += 1 }
        }
        let p = hits >= exceedances ? Double(hits) / Double(simulations) : Double(hits + 1) / Double(simulations + 1)
        let caveats = SmallUnitCaveat.caveats(n)
        return HypothesisTestResult(
            statistic: observed, parameter: Double(simulations), pValue: p, estimate: observed - expected, method: Self.method,
            alternative: .greater, standardized: variance > 0 ? (observed - expected) / variance.squareRoot() : 0, caveats: caveats)
    }

    private static let method = "mean U3poly of the unit's works against works of the same totals drawn from the sitting (bootstrap, sequential Monte Carlo p); statistic: the mean U3poly; estimate: its excess over expectation"
}
