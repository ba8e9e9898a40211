import ObjectivityCore
import Testing

/// Reference values: `python3 fixtures/reference/gia_minimum.py > fixtures/reference/gia_minimum.txt`
/// (SciPy 1.17.1, NumPy 2.4.6): the tilt by brentq, binom.sf, nchypergeom_fisher.
@Suite struct GIAMinimumShareTestTests {
    static let region: [Double] = [2, 5, 9, 14, 20, 26, 30, 31, 29, 25, 20, 15, 10, 6, 3, 1]
    static let school = [0, 0, 1, 1, 2, 0, 1, 9, 8, 2, 3, 3, 2, 1, 1, 0]

    @Test func schoolPiledAtTheMinimum_matchesScipy() {
        let outcome = GIAMinimumShareTest(regionShape: Self.region, cut: 7).test(counts: Self.school)
        #expect(outcome.above == 17 && outcome.below == 1 && outcome.participants == 34 && outcome.onCut == 9)
        #expect(outcome.test.statistic == 17 && outcome.test.parameter == 18)
        #expect(abs(outcome.localProbability - 0.565636676114760) < 1e-9)
        #expect(abs(outcome.test.pValue - 5.207136455454786e-04) < 1e-10)
        #expect(abs(outcome.test.estimate - 0.200545289115715) < 1e-9)
        #expect(abs(outcome.expectedAbove - 8.229268661608) < 1e-7)
        #expect(abs(outcome.expectedBelow - 6.319414281183) < 1e-7)
        #expect(abs(outcome.expectedOnCut - 4.045790601904) < 1e-7)
        #expect(outcome.test.alternative == .greater)
    }

    @Test func bandsAreClippedToTheScale() {
        let test = GIAMinimumShareTest(regionShape: [Double](repeating: 1, count: 10), cut: 1)
        #expect(test.bandBelow == 0..<1 && test.bandAbove == 1...2)
        let top = GIAMinimumShareTest(regionShape: [Double](repeating: 1, count: 10), cut: 9)
        #expect(top.bandAbove == 9...9)
    }

    @Test func noParticipantNearTheMinimum_isNoEvidence() {
        var counts = [Int](repeating: 0, count: Self.region.count)
        counts[14] = 20
        let outcome = GIAMinimumShareTest(regionShape: Self.region, cut: 7).test(counts: counts)
        #expect(outcome.test.pValue == 1 && outcome.test.parameter == 0)
        #expect(outcome.test.caveats.contains("no participants near the minimum"))
    }
}

@Suite struct GIAMinimumTrendTestTests {
    @Test(arguments: [
        (12, 14, 0.55, 6, 13, 0.52, 5.162322982882439e-02, 9.521048927589, 1.556097151496),
        (5, 9, 0.40, 5, 10, 0.60, 2.355433962376172e-01, 3.738455496409, 1.199426955963),
        (20, 21, 0.50, 9, 18, 0.50, 1.674849722397953e-03, 15.615384615385, 1.896605418873),
        (3, 30, 0.10, 1, 25, 0.08, 4.757166119790183e-01, 2.408217413195, 0.906928751977),
    ])
    func riseFromThePreviousYear_matchesScipysNoncentralHypergeometric(
        _ c: (Int, Int, Double, Int, Int, Double, Double, Double, Double)
    ) throws {
        let current = GIAMinimumTrendTest.YearShare(year: 2025, above: c.0, nearMinimum: c.1, participants: 60, localProbability: c.2)
        let previous = GIAMinimumTrendTest.YearShare(year: 2024, above: c.3, nearMinimum: c.4, participants: 55, localProbability: c.5)
        let (test, detail) = try #require(GIAMinimumTrendTest.test(current: current, earlier: [previous]))
        #expect(abs(test.pValue - c.6) < 1e-12 * max(1, 1 / c.6))
        let odds = (c.2 / (1 - c.2)) / (c.5 / (1 - c.5))
        let distribution = FisherNoncentralHypergeometric(first: c.1, second: c.4, total: c.0 + c.3, oddsRatio: odds)
        #expect(abs(distribution.mean - c.7) < 1e-9 && abs(distribution.variance - c.8) < 1e-9)
        #expect(detail["previous_year"] == 2024 && detail["years"] == 2 && detail["trend_per_year"] == nil)
    }

    @Test func threeYears_giveASlopeOfTheExcess() throws {
        let years = [(2023, 5), (2024, 8), (2025, 12)].map {
            GIAMinimumTrendTest.YearShare(year: $0.0, above: $0.1, nearMinimum: 16, participants: 80, localProbability: 0.5)
        }
        let (_, detail) = try #require(GIAMinimumTrendTest.test(current: years[2], earlier: Array(years[0..<2])))
        // Equal weights: the slope of (k − 8)/80 on the year, (12 − 5)/2/80 per year; SE √(1/Σw(x − x̄)²),
        // w = 80² / (16 · 0.25) = 1600.
        #expect(abs(try #require(detail["trend_per_year"]) - 0.0438) < 1e-4)
        #expect(abs(try #require(detail["trend_se"]) - (1.0 / (1600 * 2)).squareRoot()) < 1e-4)
        #expect(detail["years"] == 3 && detail["previous_year"] == 2024)
    }

    @Test func noEarlierYear_givesNoTest() {
        let only = GIAMinimumTrendTest.YearShare(year: 2025, above: 3, nearMinimum: 5, participants: 40, localProbability: 0.5)
        #expect(GIAMinimumTrendTest.test(current: only, earlier: [only]) == nil)
    }
}
