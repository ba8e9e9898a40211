import ObjectivityCore
import ObjectivityReports
import ObjectivitySimulation
import Testing

/// The ГИА minimum indicators on simulated regions: honest ОГЭ results stay within the
/// nominal rates; one school that brings pupils over the line is found.
@Suite struct GIAMinimumOnSimulationTests {
    static func region(seed: UInt64) -> RegionConfiguration {
        var c = RegionConfiguration.small(schools: 300, seed: seed)
        c.years = [2023, 2024, 2025]
        c.giaSubjects = ["Математика", "Русский язык"]
        return c
    }

    @Test func honestRegion_staysWithinTheNominalRates_atP05AndP01() throws {
        var c = Self.region(seed: 61)
        c.manipulatedSchoolShare = 0
        let run = try SimulatedRegionRun(c)
        defer { run.remove() }
        let units = run.analyses().filter { !$0.sitting.key.isVPR }.flatMap(\.units)
        #expect(units.count == 300 * 3 * 2)
        for code in ["gia_threshold_peak", "gia_minimum_share", "gia_minimum_trend"] {
            let p = units.flatMap { $0.indicators.filter { $0.code == code && ($0.test.parameter ?? 0) > 0 } }.map(\.test.pValue)
            #expect(p.count > 500, "\(code): \(p.count) tests")
            for level in [0.05, 0.01] {
                let limit = level * Double(p.count) + 3 * (level * (1 - level) * Double(p.count)).squareRoot()
                #expect(Double(p.filter { $0 < level }.count) <= limit, "\(code): \(p.filter { $0 < level }.count) of \(p.count) at p < \(level)")
            }
        }
        #expect(units.filter { $0.riskLevel >= .medium }.count <= units.count / 100)
    }

    @Test func schoolLiftingPupilsToTheMinimum_isFound_andTheExplanationSaysWhatItPointsAt() throws {
        var clean = Self.region(seed: 62)
        clean.manipulatedSchoolShare = 0
        // The school with the most ОГЭ participants in 2025 (the same schools in both runs).
        let cleanRun = try SimulatedRegionRun(clean)
        let records = cleanRun.truth.compactMap { TruthRecord(csvLine: Substring($0)) }
            .filter { $0.exam == "ОГЭ" && $0.year == 2025 && $0.subject == "Русский язык" }
        let largest = try #require(records.max { ($0.works, $1.school) < ($1.works, $0.school) }).school
        cleanRun.remove()
        var lifted = clean
        lifted.injections = [ManipulationInjection(school: largest, years: [2025], type: .giaMinimumLift, intensity: 0.8)]
        let run = try SimulatedRegionRun(lifted)
        defer { run.remove() }
        let analyses = run.analyses()
        let sitting = try #require(analyses.first { $0.sitting.key == SittingKey(assessment: "ОГЭ", year: 2025, subject: "Русский язык", grade: 9) })
        let unit = try #require(sitting.units.first { $0.school == largest })
        let share = try #require(unit.indicators.first { $0.code == "gia_minimum_share" })
        #expect(share.fired, "p \(String(share.test.pValue)), q \(String(share.qValue))")
        #expect(unit.riskLevel >= .medium)
        #expect(sitting.units.max { $0.riskScore < $1.riskScore }?.school == largest)
        let trend = try #require(unit.indicators.first { $0.code == "gia_minimum_trend" })
        #expect(trend.test.pValue < 0.01 && trend.detail["previous_year"] == 2024 && trend.detail["years"] == 3)
        // Earlier, honest years of the same school are not flagged.
        for year in [2023, 2024] {
            let earlier = analyses.first { $0.sitting.key == SittingKey(assessment: "ОГЭ", year: year, subject: "Русский язык", grade: 9) }
            #expect(earlier?.units.first { $0.school == largest }?.riskLevel ?? .none < .medium)
        }
        let text = UnitExplanation.text(for: unit, sitting: sitting.sitting)
        #expect(text.hasPrefix("Признаки необъективности результатов ОГЭ"))
        #expect(text.contains("У минимального балла (15–16 перв. балла)"))
        #expect(text.contains("На что указывают признаки:"))
        #expect(!text.lowercased().contains("учител") && !text.lowercased().contains("доказ"))
    }
}
