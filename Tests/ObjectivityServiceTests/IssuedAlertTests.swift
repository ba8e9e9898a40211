import ObjectivityCore
import ObjectivityService
import Testing

@Suite struct IssuedAlertTests {
    private func unit(_ level: RiskLevel, fired: [String]) -> UnitResult {
        let indicators = fired.map { code -> IndicatorResult in
            var i = IndicatorResult(code: code, test: HypothesisTestResult(statistic: 1, parameter: 1, pValue: 0.001, estimate: 0.1,
                                                                           method: "", alternative: .greater))
            i.fired = true
            return i
        }
        return UnitResult(sitting: SittingKey(year: 2025, subject: "Математика", grade: 5), school: "sch220001", works: 40,
                          indicators: indicators, riskScore: 0.8, riskLevel: level)
    }

    @Test func deltaRule_newRiseOrNewEvidence_notAFallOrTheSameAgain() {
        let first = unit(.medium, fired: ["threshold_peak"])
        let issued = IssuedAlert(id: IssuedAlert.id(for: first), riskLevel: .medium, fired: IssuedAlert.firedSignature(first))
        #expect(IssuedAlert.isNew(first, previous: nil))
        #expect(!IssuedAlert.isNew(first, previous: issued))
        #expect(IssuedAlert.isNew(unit(.high, fired: ["threshold_peak"]), previous: issued))
        #expect(IssuedAlert.isNew(unit(.medium, fired: ["threshold_peak", "distribution"]), previous: issued))
        #expect(!IssuedAlert.isNew(unit(.low, fired: []), previous: issued))
        #expect(!IssuedAlert.isNew(unit(.medium, fired: ["threshold_peak"]),
                                   previous: IssuedAlert(id: "x", riskLevel: .high, fired: "threshold_peak")))
    }

    @Test func alertID_isStableForTheSameStatement_andDiffersForAnother() {
        #expect(IssuedAlert.id(for: unit(.high, fired: ["a", "b"])) == IssuedAlert.id(for: unit(.high, fired: ["b", "a"])))
        #expect(IssuedAlert.id(for: unit(.high, fired: ["a"])) != IssuedAlert.id(for: unit(.medium, fired: ["a"])))
        #expect(IssuedAlert.id(for: unit(.high, fired: ["a"])).hasPrefix("2025-sch220001-"))
    }
}
