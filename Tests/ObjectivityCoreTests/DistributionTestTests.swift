import Foundation
import ObjectivityCore
import Testing

@Suite struct DistributionTestTests {
    @Test func gSquared_matchesScipyPowerDivergence() {
        // A symmetric histogram on a flat shape: the tilt is 0 and the expected count is n / 21.
        // power_divergence(..., lambda_='log-likelihood') from fixtures/reference/core_reference.py (SciPy 1.17.1)
        let counts = [3, 0, 1, 2, 0, 1, 4, 1, 0, 2, 1, 2, 0, 1, 4, 1, 0, 2, 1, 0, 3]
        let test = DistributionTest(threshold: ThresholdPeakTest(regionShape: [Double](repeating: 1, count: 21), cuts: []))
        let result = test.test(counts: counts, seed: 1)
        #expect(abs(result.statistic - 27.733555379637735) < 1e-9)
        #expect(result.pValue > 0 && result.pValue <= 1)
    }

    @Test func unitsDrawnFromTheExpectedShape_fireAtTheNominalRate() {
        let shape = (0...20).map { x in 1 + Double(x) * (20 - Double(x)) }
        let test = DistributionTest(threshold: ThresholdPeakTest(regionShape: shape, cuts: [7, 11, 15]))
        let total = shape.reduce(0, +)
        var rng = SplitMix64(seed: 9)
        var fired = 0
        let trials = 300
        for t in 0..<trials {
            var counts = [Int](repeating: 0, count: 21)
            for _ in 0..<30 {
                var u = rng.nextUnit() * total
                var s = 0
                while s < 20, u >= shape[s] { u -= shape[s]; s += 1 }
                counts[s] += 1
            }
            if test.test(counts: counts, seed: UInt64(t)).pValue < 0.05 { fired += 1 }
        }
        // Binomial(300, 0.05): mean 15, sd 3.8; the fitted tilt makes the test a little conservative.
        #expect(fired <= 27, "fired \(fired) of \(trials)")
    }

    /// The sequential Monte Carlo p-value is the one its definition gives, simulation by
    /// simulation: works drawn in turn from one stream by the inverse of the expected
    /// shape's distribution function, G² of each draw, stopped after `exceedances` hits or
    /// `maxSimulations` draws, for small and large p-values and caps. (The test finds each
    /// work's score through a guide table, sums G² as the works are drawn, and runs over
    /// raw buffers: none of that may change a draw.) Two shapes: a smooth one, and a skewed one whose rare
    /// scores put several boundaries into one slice and whose common ones span many slices.
    @Test(arguments: [(10, 999), (10, 100), (3, 999), (1000, 57)], [false, true])
    func monteCarloPValue_followsItsDefinition(limits: (exceedances: Int, maxSimulations: Int), skewed: Bool) {
        let (exceedances, maxSimulations) = limits
        let smooth = (0...20).map { x in 1 + Double(x) * (20 - Double(x)) }
        let rare = [1e-6, 2e-6, 1e-6, 40, 1e-3, 2e-3, 25, 1e-5, 3, 1e-4, 90, 0.5, 1e-6, 7, 1e-6, 1e-6, 60, 1e-3, 2, 1e-6, 12.0]
        let shape = skewed ? rare : smooth
        let test = DistributionTest(threshold: ThresholdPeakTest(regionShape: shape, cuts: []),
                                    exceedances: exceedances, maxSimulations: maxSimulations)
        let histograms = [
            [0, 0, 1, 1, 2, 2, 3, 3, 3, 2, 2, 2, 1, 1, 1, 0, 0, 0, 0, 0, 0],  // near the shape
            [0, 0, 0, 0, 0, 0, 0, 9, 0, 0, 0, 8, 0, 0, 0, 7, 0, 0, 0, 0, 0],  // piled on three scores
            [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1],
        ]
        for counts in histograms {
            for seed: UInt64 in [1, 2, 77] {
                let result = test.test(counts: counts, shape: shape, seed: seed)
                let reference = Self.definition(counts: counts, shape: shape, seed: seed,
                                                 exceedances: exceedances, maxSimulations: maxSimulations)
                #expect(result.parameter == Double(reference.simulations), "\(counts), seed \(seed)")
                #expect(result.pValue == reference.pValue, "\(counts), seed \(seed)")
            }
        }
    }

    /// The test's p-value written out plainly: one simulation at a time, each work's score
    /// the first whose cumulative share exceeds the uniform, G² from the counts.
    private static func definition(counts: [Int], shape: [Double], seed: UInt64, exceedances: Int,
                                   maxSimulations: Int) -> (simulations: Int, pValue: Double) {
        let n = counts.reduce(0, +), total = shape.reduce(0, +)
        let p = shape.map { $0 / total }
        var cumulative: [Double] = [], running = 0.0
        for share in p { running += share; cumulative.append(running) }
        func g2(_ c: [Int]) -> Double {
            var sum = 0.0
            for (k, share) in zip(c, p) where k > 0 { sum += Double(k) * log(Double(k) / (Double(n) * share)) }
            return 2 * sum
        }
        let observed = g2(counts)
        var rng = SplitMix64(seed: seed)
        var hits = 0, simulations = 0
        while simulations < maxSimulations && hits < exceedances {
            var draw = [Int](repeating: 0, count: p.count)
            for _ in 0..<n {
                let u = rng.nextUnit() * running
                draw[cumulative.firstIndex { $0 > u } ?? p.count - 1] += 1
            }
            simulations += 1
            if g2(draw) >= observed - 1e-9 { hits += 1 }
        }
        let pValue = hits >= exceedances ? Double(hits) / Double(simulations) : Double(hits + 1) / Double(simulations + 1)
        return (simulations, pValue)
    }
}
