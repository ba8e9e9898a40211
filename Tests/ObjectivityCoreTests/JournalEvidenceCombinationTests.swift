@testable import ObjectivityCore
import Testing

@Suite struct JournalEvidenceCombinationTests {
    private func unit(_ parts: [(String, Double)]) -> UnitResult {
        let indicators = parts.map { family, p in
            let split = family.split(separator: "/").map(String.init)
            return IndicatorResult(code: split[0], direction: split.count > 1 ? split[1] : nil,
                                   test: HypothesisTestResult(statistic: 0, parameter: nil, pValue: p, estimate: 0.1, method: "", alternative: .greater))
        }
        return UnitResult(sitting: SittingKey(year: 2025, subject: "Математика", grade: 5), school: "s", works: 30,
                          indicators: indicators, riskScore: 0, riskLevel: .none)
    }

    /// Reference: `python3 fixtures/reference/brown_combination.py` (SciPy), stored in
    /// fixtures/reference/brown_combination.txt.
    @Test func combinedPValues_matchSciPy() {
        let n = 200
        func part(_ multiplier: Int, _ i: Int) -> Double { (Double((multiplier * i) % n) + 0.5) / Double(n) }
        let units: [UnitResult] = (0..<n).map { i in
            unit([("journal_discrepancy/lowered", part(1, i)), ("journal_discrepancy/large_gaps", part(7, i)),
                  ("journal_discrepancy/spread", part(53, i))])
        }
        let combination = JournalEvidenceCombination(units: units)
        let reference: [(Int, Double)] = [(0, 1.2337221628473077e-05), (3, 0.05316669803258675), (10, 0.19370426503530788),
                                          (150, 0.6664311896141377)]
        for (i, expected) in reference {
            let p = combination.inflatedJournal(units[i])!.test.pValue
            #expect(abs(p - expected) <= 1e-9 * max(1, expected) + 1e-12, "unit \(i): \(p) vs \(expected)")
        }
    }

    /// Two copies of the same evidence are one piece of evidence: Brown's scale halves the
    /// doubled statistic and the combination gives back the part's own p, where Fisher's
    /// method would square it.
    @Test func identicalParts_countOnce() {
        let units = (0..<100).map { i in
            let p = (Double(i) + 0.5) / 100
            return unit([("journal_discrepancy/lowered", p), ("journal_discrepancy/large_gaps", p)])
        }
        let combination = JournalEvidenceCombination(units: units)
        for i in [0, 5, 50] {
            let p = (Double(i) + 0.5) / 100
            #expect(abs(combination.inflatedJournal(units[i])!.test.pValue - p) < 1e-9 * max(1, p) + 1e-12)
        }
    }

    @Test func withoutLowered_thereIsNoCombination() {
        let units = (0..<40).map { _ in unit([("journal_discrepancy/spread", 0.01), ("year_jump/journal", 0.01)]) }
        #expect(JournalEvidenceCombination(units: units).inflatedJournal(units[0]) == nil)
    }
}
