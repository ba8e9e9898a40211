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
}
