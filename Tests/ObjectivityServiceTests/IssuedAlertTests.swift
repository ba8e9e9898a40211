import Foundation
import ObjectivityCore
import ObjectivityService
import ObjectivityTesting
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

    @Test func examUnit_isAnotherUnitThanTheVPRUnitOfTheSameYearSubjectGradeAndSchool() throws {
        var vpr = unit(.high, fired: ["threshold_peak"])
        vpr.sitting = SittingKey(year: 2025, subject: "История", grade: 11)
        var ege = unit(.medium, fired: ["gia_minimum_share"])
        ege.sitting = SittingKey(assessment: "ЕГЭ", year: 2025, subject: "История", grade: 11)
        // The ВПР unit keeps the key and alert id the first stores gave it.
        #expect(vpr.sitting.unitKey(school: vpr.school) == "2025|История|11|sch220001")
        #expect(ege.sitting.unitKey(school: ege.school) == "2025|ЕГЭ|История|11|sch220001")
        #expect(IssuedAlert.id(for: vpr) != IssuedAlert.id(for: ege))
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try StateStore(path: directory.appendingPathComponent("state.sqlite"))
        let alerts = [vpr, ege].map { IssuedAlert.New(id: IssuedAlert.id(for: $0), unit: $0, fired: IssuedAlert.firedSignature($0)) }
        try store.record(alerts: alerts, units: [vpr, ege], at: Date(timeIntervalSince1970: 1_700_000_000))
        let latest = try store.latestAlerts()
        #expect(latest.count == 2)
        #expect(latest["2025|История|11|sch220001"]?.riskLevel == .high)
        #expect(latest["2025|ЕГЭ|История|11|sch220001"]?.fired == "gia_minimum_share")
    }
}
