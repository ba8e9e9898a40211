import ObjectivityCore
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The estimator on histograms drawn from a known smooth shape, with and without works
/// moved onto a cut.
@Suite struct BunchingEstimatorTests {
    /// Expected works per integer score 0…30 for 20,000 works: a smooth unimodal shape.
    private static let shape: [Double] = {
        let raw = (0...30).map { x in exp(-0.5 * pow((Double(x) - 14) / 6, 2)) }
        let total = raw.reduce(0, +)
        return raw.map { 20_000 * $0 / total }
    }()

    private func draw(seed: UInt64) -> [Double] {
        var rng = SplitMix64(seed: seed)
        return Self.shape.map { rng.nextPoisson(mean: $0) }
    }

    @Test func movedWorks_areRecoveredWithinTheirStandardError() throws {
        var counts = draw(seed: 11)
        // Half of the works one and two points below the cut 15 are raised onto it.
        let moved = (counts[13] / 2).rounded() + (counts[14] / 2).rounded()
        counts[13] -= (counts[13] / 2).rounded()
        counts[14] -= (counts[14] / 2).rounded()
        counts[15] += moved
        let estimate = try BunchingEstimator().estimate(counts: counts, cut: 15, seed: 3)
        #expect(abs(estimate.excessMass - moved) < 3 * estimate.standardError + 0.05 * moved,
                "excess \(estimate.excessMass) ± \(estimate.standardError), moved \(moved)")
        #expect(estimate.zScore > 5)
        #expect(estimate.lowerWindow == 2)
        #expect(estimate.windowBalanced)
    }

    @Test func smoothHistograms_fireAtTheNominalRate() throws {
        // Over 200 clean histograms, a one-sided z > 1.645 should happen about 5% of the time.
        var fired = 0
        let trials = 200
        for seed in 0..<UInt64(trials) {
            let estimate = try BunchingEstimator(bootstrapReplicates: 100).estimate(counts: draw(seed: 1_000 + seed), cut: 15, seed: seed)
            if estimate.zScore > 1.645 { fired += 1 }
        }
        // Binomial(200, 0.05): mean 10, sd 3.1; allow up to 4 sd above.
        #expect(fired <= 22, "fired \(fired) of \(trials)")
    }

    @Test func tooNarrowARange_isReportedNotGuessed() {
        #expect(throws: BunchingEstimator.Failure.self) {
            try BunchingEstimator(polynomialDegree: 5, bandwidth: 3).estimate(counts: draw(seed: 1), cut: 15, seed: 1)
        }
    }
}
