import ObjectivityCore
import Testing

/// Reference values: `python3 fixtures/reference/core_reference.py`
/// (SciPy 1.17.1, NumPy 2.4.6), stored in fixtures/reference/core_reference.txt.
@Suite struct DistributionTests {
    @Test func binomialUpperTail_matchesScipy() {
        // binom.sf(11, 40, 0.15) — P(X ≥ 12)
        #expect(isClose(BinomialDistribution(trials: 40, probability: 0.15).probability(atLeast: 12), 0.011969217872532124))
        // binom.sf(29, 54, 0.2) — deep tail, P(X ≥ 30)
        #expect(isClose(BinomialDistribution(trials: 54, probability: 0.2).probability(atLeast: 30), 8.784900136415027e-09))
    }

    @Test func poissonUpperTail_matchesScipy() {
        // poisson.sf(4, 1.3), poisson.sf(19, 4.0), poisson.sf(59, 8.5) — P(X ≥ 5), P(X ≥ 20), P(X ≥ 60)
        #expect(isClose(PoissonDistribution(mean: 1.3).probability(atLeast: 5), 0.010663033771890939))
        #expect(isClose(PoissonDistribution(mean: 4.0).probability(atLeast: 20), 1.0200522105968346e-08))
        #expect(isClose(PoissonDistribution(mean: 8.5).probability(atLeast: 60), 1.653661257346006e-30))
        #expect(PoissonDistribution(mean: 0).probability(atLeast: 1) == 0)
    }

    @Test func binomialLowerTailAndMass_matchScipy() {
        // binom.cdf(3, 20, 0.4)
        #expect(isClose(BinomialDistribution(trials: 20, probability: 0.4).probability(atMost: 3), 0.01596116279000825))
        // binom.pmf(7, 30, 0.25)
        #expect(isClose(BinomialDistribution(trials: 30, probability: 0.25).probability(exactly: 7), 0.16623567405949508))
    }

    @Test func binomialTails_atTheEdges_areExact() {
        let b = BinomialDistribution(trials: 10, probability: 0.3)
        #expect(b.probability(atLeast: 0) == 1)
        #expect(b.probability(atLeast: 11) == 0)
        #expect(b.probability(atMost: 10) == 1)
    }

    @Test func chiSquaredTails_matchScipy() {
        // chi2.sf(23.7, 9)
        #expect(isClose(ChiSquaredDistribution(degreesOfFreedom: 9).upperTail(23.7), 0.004801671146984512))
        // chi2.sf(150.0, 20) — far tail, must not underflow to 0
        #expect(isClose(ChiSquaredDistribution(degreesOfFreedom: 20).upperTail(150), 6.285681673933351e-22, relative: 1e-10))
        // chi2.cdf(3.2, 4.5) — non-integer degrees of freedom
        #expect(isClose(ChiSquaredDistribution(degreesOfFreedom: 4.5).cumulative(3.2), 0.39962269066997563))
    }

    @Test func normalTailAndQuantile_matchScipy() {
        // norm.sf(3.09) — the usual ω flag level
        #expect(isClose(NormalDistribution().upperTail(3.09), 0.0010007824766140115))
        // norm.ppf(0.999)
        #expect(isClose(NormalDistribution().quantile(0.999), 3.090232306167813))
    }
}
