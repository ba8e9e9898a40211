import ObjectivityCore
import ObjectivityReports
import ObjectivitySimulation
import Testing

/// The observer list and the list of schools stably without signs, on three simulated
/// years with four schools nudging works onto the cuts in the last year.
@Suite struct PeopleListsTests {
    @Test func nudgingSchool_headsTheObserverList_andIsNotStablyObjective() throws {
        var c = RegionConfiguration.small(schools: 80, seed: 23)
        c.years = [2023, 2024, 2025]
        c.manipulatedSchoolShare = 0
        let nudging = ["sch220021", "sch220022", "sch220023", "sch220025"]
        c.injections = nudging.map { ManipulationInjection(school: $0, years: [2025], type: .thresholdNudging, intensity: 0.9) }
        let run = try SimulatedRegionRun(c)
        defer { run.remove() }
        let analyses = run.analyses()
        let flagged = Set(analyses.first { $0.sitting.key.year == 2025 }!.units.filter { $0.riskLevel >= .medium }.map(\.school))
        #expect(!flagged.intersection(nudging).isEmpty, "flagged in 2025: \(flagged)")

        let observers = ObserverList.rows(analyses)
        let first = try #require(observers.first)
        #expect(first[0] == "1" && nudging.contains(first[1]), "\(first)")
        #expect(first[6].contains("пики на границах отметок"))
        #expect(Set(observers.map { $0[1] }) == flagged)

        let stable = StablyObjectiveList.rows(analyses)
        #expect(stable.allSatisfy { !flagged.contains($0[0]) })
        #expect(stable.count >= 50, "most honest schools qualify: \(stable.count) of 80")
        #expect(stable.allSatisfy { $0[2] == "2023, 2024, 2025" })
        #expect(stable.contains { $0[4].contains("данных недостаточно") }, "small rural schools are named as thin evidence")
    }
}
