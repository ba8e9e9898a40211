import ObjectivityCore
import Testing

/// A national analysis holds some fifteen million indicator results at once (issue 10's
/// memory budget): their size is part of the design, and these tests keep it.
@Suite struct IndicatorLayoutTests {
    @Test func results_fitTheirBudget() {
        #expect(MemoryLayout<HypothesisTestResult>.size == 65, "five doubles, method, caveats, alternative")
        #expect(MemoryLayout<IndicatorResult>.stride == 128, "fired and the null scale in the test's padding")
    }

    @Test func absentParameterAndStandardized_readBackAsNil() {
        var result = HypothesisTestResult(statistic: 1, parameter: nil, pValue: 0.5, estimate: 0, method: "m", alternative: .greater)
        #expect(result.parameter == nil && result.standardized == nil)
        result.parameter = 30
        result.standardized = -1.5
        #expect(result.parameter == 30 && result.standardized == -1.5)
        result.standardized = .nan  // an ordinary NaN is a value, not "none"
        #expect(result.standardized.map(\.isNaN) == true)
        result.parameter = nil
        #expect(result.parameter == nil)
    }

    @Test func equality_treatsNoneAsEqual() {
        let a = HypothesisTestResult(statistic: 1, parameter: nil, pValue: 0.5, estimate: 0, method: "m", alternative: .greater)
        var b = a
        #expect(a == b)
        b.parameter = 1
        #expect(a != b)
    }

    @Test func detail_readsLikeTheDictionaryItWasMadeFrom() {
        let values: [String: Double] = ["later_year": 2025, "matched": 17, "a": -0.5]
        let detail = IndicatorDetail(values)
        #expect(detail.count == 3 && !detail.isEmpty)
        #expect(detail["matched"] == 17 && detail["later_year"] == 2025 && detail["missing"] == nil)
        #expect(detail.map(\.key) == ["a", "later_year", "matched"], "name order")
        #expect(Dictionary(uniqueKeysWithValues: detail.map { ($0.key, $0.value) }) == values)
        #expect(detail == ["matched": 17, "a": -0.5, "later_year": 2025])
        #expect(IndicatorDetail([:]).isEmpty && ([:] as IndicatorDetail) == IndicatorDetail([:]))
    }
}
