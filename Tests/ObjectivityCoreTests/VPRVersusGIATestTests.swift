import ObjectivityCore
import Testing

@Suite struct VPRVersusGIATestTests {
    /// 60 schools on the line ВПР = 0.1 + 0.8 · ОГЭ, four of them 1 SD above it.
    private func pairs() -> [VPRVersusGIATest.Pair] {
        (0..<60).map { i in
            let gia = Double(i % 15 - 7) / 7
            let inflated = i % 15 == 3
            return VPRVersusGIATest.Pair(vpr: 0.1 + 0.8 * gia + (inflated ? 1 : 0) + Double(i % 3 - 1) * 0.02,
                                         vprVariance: 0.02, gia: gia, giaVariance: 0.02, works: 50)
        }
    }

    @Test func regionLine_ignoresTheInflatedSchools() {
        let test = VPRVersusGIATest(pairs: pairs())
        #expect(abs(test.slope - 0.8) < 0.01, "slope \(test.slope)")
        #expect(abs(test.intercept - 0.1) < 0.01, "intercept \(test.intercept)")
    }

    @Test func vprAboveWhatTheOGEPredicts_isFlagged_onTheLineIsNot() {
        let test = VPRVersusGIATest(pairs: pairs())
        let inflated = test.test(VPRVersusGIATest.Pair(vpr: 1.3, vprVariance: 0.02, gia: 0.25, giaVariance: 0.02, works: 50))
        let honest = test.test(VPRVersusGIATest.Pair(vpr: 0.3, vprVariance: 0.02, gia: 0.25, giaVariance: 0.02, works: 50))
        #expect(inflated.pValue < 1e-6)
        #expect(abs(inflated.estimate - 1) < 0.02)
        #expect(honest.pValue > 0.3)
    }
}
