import ObjectivityCore
#if canImport(Glibc)
import Glibc
#endif
import Testing

@Suite struct ThresholdPeakTestTests {
    @Test func unitAtTheRegionLevel_isTestedWithTheUntiltedShape_matchingScipy() {
        // Flat region shape over 0…20; one work at every score outside the window 8…10, so the
        // unit's level equals the region's and λ = 0; 1, 1 and 6 works at 8, 9, 10.
        var counts = [Int](repeating: 1, count: 21)
        counts[8] = 1
        counts[9] = 1
        counts[10] = 6
        let test = ThresholdPeakTest(regionShape: [Double](repeating: 1, count: 21), cuts: [10], lowerWindow: 2)
        #expect(abs(test.fittedTilt(counts: counts)) < 1e-9)
        let result = test.test(counts: counts)[0]
        // binom.sf(5, 8, 1/3) from fixtures/reference/core_reference.py (SciPy 1.17.1)
        #expect(abs(result.pValue - 0.019661636945587556) < 1e-12)
        #expect(result.statistic == 6 && result.parameter == 8)
        #expect(abs(result.estimate - (6 - 8.0 / 3) / Double(counts.reduce(0, +))) < 1e-12)
        #expect(result.alternative == .greater)
    }

    @Test func strongUnit_isComparedWithItsOwnLevel() {
        // A region falling with the score; a unit whose works sit high. Without the tilt the
        // cut (higher than its neighbours for this unit) would look like a peak.
        let shape = (0...20).map { exp(-0.15 * Double($0)) }
        let unit = (0...20).map { Int((40 * exp(0.15 * Double($0)) / exp(0.15 * 20)).rounded()) }
        let result = ThresholdPeakTest(regionShape: shape, cuts: [15], lowerWindow: 2).test(counts: unit)[0]
        #expect(result.pValue > 0.2, "p = \(result.pValue)")
    }

    @Test func emptyWindowAndSmallUnit_areCaveatsNotErrors() {
        var counts = [Int](repeating: 0, count: 21)
        counts[2] = 3
        let result = ThresholdPeakTest(regionShape: [Double](repeating: 1, count: 21), cuts: [10]).test(counts: counts)[0]
        #expect(result.pValue == 1)
        #expect(result.caveats.contains("no works near the cut"))
        #expect(result.caveats.contains("small unit: 3 works"))
    }
}
