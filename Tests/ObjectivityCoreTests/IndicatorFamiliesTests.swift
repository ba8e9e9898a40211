@testable import ObjectivityCore
import Testing

/// The families' places found through the previous unit's layout are those a plain
/// grouping by family name finds, when layouts change from unit to unit: an indicator
/// missing, one added, the same position holding another family, and codes made at run
/// time (not the same literal).
@Suite struct IndicatorFamiliesTests {
    @Test func places_matchAPlainGroupingByFamily() {
        let test = HypothesisTestResult(statistic: 0, parameter: nil, pValue: 0.5, estimate: 0, method: "", alternative: .greater)
        func indicator(_ code: String, _ direction: String? = nil) -> IndicatorResult {
            IndicatorResult(code: code, direction: direction, test: test)
        }
        let layouts: [[IndicatorResult]] = [
            [indicator("distribution"), indicator("journal_discrepancy", "raised"), indicator("journal_discrepancy", "lowered")],
            [indicator("distribution"), indicator("journal_discrepancy", "raised"), indicator("journal_discrepancy", "lowered")],
            [indicator("distribution"), indicator("journal_discrepancy", "lowered")],
            [indicator("task_inversion"), indicator("distribution"), indicator("journal_discrepancy", "raised"), indicator("peer_outlier")],
            [indicator(String("distri") + "bution"), indicator("journal_discrepancy", String("rai") + "sed")],
            [],
            [indicator("distribution"), indicator("journal_discrepancy", "raised"), indicator("journal_discrepancy", "lowered")],
        ]
        let key = SittingKey(year: 2025, subject: "Математика", grade: 5)
        let units = layouts.enumerated().map { UnitResult(sitting: key, school: "s\($0.offset)", works: 10, indicators: $0.element, riskScore: 0, riskLevel: .none) }
        let listed = ["journal_discrepancy/raised", "distribution", "journal_discrepancy/lowered", "vpr_vs_gia"]
        let places = IndicatorFamilies.places(of: units) { indicator in listed.firstIndex(where: { indicator.isFamily($0) }) }
        for (f, family) in listed.enumerated() {
            var expected: [(unit: Int, indicator: Int)] = []
            for (u, unit) in units.enumerated() {
                for (i, result) in unit.indicators.enumerated() where result.family == family { expected.append((u, i)) }
            }
            let found = f < places.count ? places[f] : []
            #expect(found.map(\.unit) == expected.map(\.unit) && found.map(\.indicator) == expected.map(\.indicator), "\(family)")
        }
        #expect(places.count == 3)  // vpr_vs_gia, last in the list, never met
    }
}
