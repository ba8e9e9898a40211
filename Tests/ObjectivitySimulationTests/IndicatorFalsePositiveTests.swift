import ObjectivityCore
import ObjectivitySimulation
import Testing

/// Every indicator family that scan uses, on a clean simulated region: the share of honest
/// units at p < 0.05 stays within the nominal 5 % (plus three binomial standard errors).
@Suite struct IndicatorFalsePositiveTests {
    @Test func everyFamily_firesWithinItsNominalRate_onAnHonestRegion() throws {
        var c = RegionConfiguration.small(schools: 400, seed: 51)
        c.manipulatedSchoolShare = 0
        c.years = [2024, 2025]
        c.sittings = [SittingSpecification(subject: "Математика", grade: 4), SittingSpecification(subject: "Математика", grade: 5),
                      SittingSpecification(subject: "Русский язык", grade: 8)]
        c.giaSubjects = ["Математика", "Русский язык"]
        let run = try SimulatedRegionRun(c)
        defer { run.remove() }
        var tests: [String: Int] = [:], fired: [String: Int] = [:]
        for analysis in run.analyses() {
            for unit in analysis.units {
                for indicator in unit.indicators where (indicator.test.parameter ?? 0) > 0 {
                    tests[indicator.family, default: 0] += 1
                    if indicator.test.pValue < 0.05 { fired[indicator.family, default: 0] += 1 }
                }
            }
        }
        #expect(tests.keys.sorted() == ["answer_similarity/near_identical", "answer_similarity/shared_slips", "cohort", "distribution", "gia_minimum_share", "gia_minimum_trend", "gia_threshold_peak", "high_results", "journal_discrepancy/confirmed", "journal_discrepancy/inflated_journal", "journal_discrepancy/large_gaps",
                                        "journal_discrepancy/lowered", "journal_discrepancy/raised", "journal_discrepancy/spread", "peer_outlier", "person_fit", "task_inversion", "threshold_peak",
                                        "vpr_vs_gia", "year_jump/journal", "year_jump/level"])
        for (family, n) in tests {
            let limit = 0.05 * Double(n) + 3 * (0.05 * 0.95 * Double(n)).squareRoot()
            #expect(Double(fired[family, default: 0]) <= limit, "\(family): \(fired[family, default: 0]) of \(n) at p < 0.05")
        }
    }
}
