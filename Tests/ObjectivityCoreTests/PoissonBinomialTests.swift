import ObjectivityCore
import Testing

@Suite struct PoissonBinomialTests {
    @Test func upperTail_matchesConvolutionReference() {
        // poisson_binomial_sf from fixtures/reference/core_reference.py (NumPy convolution)
        let d = PoissonBinomialDistribution(probabilities: [0.1, 0.5, 0.3, 0.9, 0.2, 0.65, 0.05, 0.4])
        #expect(abs(d.probability(atLeast: 5) - 0.10841450000000004) < 1e-12)
        #expect(abs(d.probability(atLeast: 8) - 3.5100000000000006e-05) < 1e-15)
        #expect(d.probability(atLeast: 0) == 1)
        #expect(d.probability(atLeast: 9) == 0)
    }

    @Test func equalProbabilities_reduceToTheBinomial() {
        let pb = PoissonBinomialDistribution(probabilities: [Double](repeating: 0.15, count: 40))
        let b = BinomialDistribution(trials: 40, probability: 0.15)
        #expect(abs(pb.probability(atLeast: 12) - b.probability(atLeast: 12)) < 1e-12)
    }
}
