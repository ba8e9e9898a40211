import ObjectivityCore
import ObjectivitySimulation
import Testing

/// The indicators across years on a simulated region with manipulations placed by hand.
@Suite struct CrossYearOnSimulationTests {
    private static func region() throws -> (run: SimulatedRegionRun, units: [UnitResult]) {
        var c = RegionConfiguration.small(schools: 120, seed: 71)
        c.years = [2024, 2025]
        c.villageShare = 0
        c.sittings = [SittingSpecification(subject: "Математика", grade: 4), SittingSpecification(subject: "Математика", grade: 5)]
        c.manipulatedSchoolShare = 0
        c.injections = [
            ManipulationInjection(school: "sch220010", years: [2025], type: .journalInflation, intensity: 0.9),
            ManipulationInjection(school: "sch220021", years: [2024], type: .cohortDrop, intensity: 0.9),
            ManipulationInjection(school: "sch220030", years: [2024, 2025], type: .thresholdNudging, intensity: 0.9),
        ]
        let run = try SimulatedRegionRun(c)
        return (run, run.analyses().flatMap(\.units))
    }

    private static func indicator(_ units: [UnitResult], school: String, year: Int, grade: Int, family: String) -> IndicatorResult? {
        units.first { $0.school == school && $0.sitting.year == year && $0.sitting.grade == grade }?
            .indicators.first { $0.family == family }
    }

    @Test func journalInflatedInOneYear_jumpsAgainstTheSchoolsOtherYears_cohortDropsAndSignsPersist() throws {
        let (run, units) = try Self.region()
        defer { run.remove() }
        // The journal became generous in 2025 only.
        let jump = try #require(Self.indicator(units, school: "sch220010", year: 2025, grade: 5, family: "year_jump/journal"))
        #expect(jump.fired, "p = \(jump.test.pValue)")
        #expect(jump.test.estimate > 0.1)
        let before = try #require(Self.indicator(units, school: "sch220010", year: 2024, grade: 5, family: "year_jump/journal"))
        #expect(!before.fired)

        // Grade 4 of 2024 inflated; the same pupils in grade 5 of 2025 honest.
        let drop = try #require(Self.indicator(units, school: "sch220021", year: 2024, grade: 4, family: "cohort"))
        #expect(drop.fired, "p = \(drop.test.pValue)")
        #expect(drop.detail["matched"] ?? 0 >= Double(CrossYearAnalysis.minimumMatchedPupils))
        #expect(Self.indicator(units, school: "sch220021", year: 2025, grade: 4, family: "cohort") == nil, "no grade 5 of 2026")

        // Signs in 2024 raise the prior of 2025; no school is weighted for its first year.
        let persistent = units.filter { $0.school == "sch220030" && $0.sitting.year == 2025 }
        #expect(!persistent.isEmpty && persistent.allSatisfy { $0.earlierFlaggedYears == [2024] && $0.priorWeight > 1 })
        #expect(units.filter { $0.sitting.year == 2024 }.allSatisfy { $0.priorWeight == 1 && $0.earlierFlaggedYears.isEmpty })
        // Weights keep a mean of 1 in every sitting.
        for year in [2024, 2025] {
            for grade in [4, 5] {
                let weights = units.filter { $0.sitting.year == year && $0.sitting.grade == grade }.map(\.priorWeight)
                #expect(abs(weights.reduce(0, +) / Double(weights.count) - 1) < 1e-9)
            }
        }
    }
}
