import ObjectivityCore
import ObjectivitySimulation
import Testing

/// `high_results` end to end: the registry and the ГИА files of a simulated region read
/// back through the real reader, the context built as `scan` builds it.
@Suite struct HighResultsOnSimulationTests {
    @Test func selectiveSchools_areLoweredOnlyAsFarAsTheirGIAConfirms() throws {
        var c = RegionConfiguration.small(schools: 300, seed: 61)
        c.sittings = [SittingSpecification(subject: "Математика", grade: 8)]
        c.giaSubjects = ["Математика"]
        c.selectiveShare = 0.3
        c.manipulatedSchoolShare = 0.3
        c.manipulationWeights = [ManipulationType.vprAboveGIA.rawValue: 1]
        c.intensityRange = [0.7, 0.9]
        let run = try SimulatedRegionRun(c)
        defer { run.remove() }
        let (key, sitting) = try #require(run.sittings.first)
        let manipulated = Set(run.truth.map { $0.split(separator: ",").map(String.init) }.filter { $0[4] == "1" }.map { $0[0] })
        let selective = SittingContext(for: key, registry: run.registry, gia: []).selectiveSchools
        #expect(selective.count > 30)

        func statistics(_ context: SittingContext) -> [String: Double] {
            Dictionary(uniqueKeysWithValues: SittingAnalysis(sitting: sitting, context: context, seed: 1).units.map { unit in
                (unit.school, unit.indicators.first { $0.code == "high_results" }!.test.statistic)
            })
        }
        let plain = statistics(SittingContext())
        let labelOnly = statistics(SittingContext(for: key, registry: run.registry, gia: []))
        let full = statistics(SittingContext(for: key, registry: run.registry, gia: run.gia))

        // A label without ГИА changes nothing.
        #expect(labelOnly == plain)
        // Honest selective schools (z above 0): their ВПР advantage is confirmed by the ОГЭ and taken out.
        func mean(_ schools: Set<String>, _ z: [String: Double]) -> Double { schools.reduce(0) { $0 + z[$1]! } / Double(schools.count) }
        let honestSelective = selective.subtracting(manipulated).filter { (plain[$0] ?? 0) > 0 }
        let manipulatedSelective = selective.intersection(manipulated).filter { (plain[$0] ?? 0) > 0 }
        #expect(honestSelective.count >= 20 && manipulatedSelective.count >= 10)
        #expect(mean(honestSelective, full) < mean(honestSelective, plain) - 0.4)
        // Selective schools whose ВПР runs ahead of their ОГЭ keep more of their evidence.
        #expect(mean(manipulatedSelective, full) > mean(honestSelective, full) + 0.3,
                "with ГИА: honest \(mean(honestSelective, full)), bent \(mean(manipulatedSelective, full))")
        // Ordinary schools are not touched by the registry or the ГИА.
        for school in Set(plain.keys).subtracting(selective) { #expect(full[school] == plain[school]) }
    }
}
