import ObjectivityCore
import ObjectivitySimulation
import Testing

/// `task_inversion` on simulated regions: quiet on honest units (after the empirical-null
/// calibration), finds units whose open answers were marked leniently.
@Suite struct TaskProfileOnSimulationTests {
    @Test func honestUnitsStayQuiet_lenientUnitsAreFound() throws {
        var c = RegionConfiguration.small(schools: 400, seed: 41)
        c.manipulatedSchoolShare = 0.1
        c.manipulationWeights = [ManipulationType.lenientMarking.rawValue: 1]
        c.intensityRange = [0.5, 0.5]
        let run = try SimulatedRegionRun(c)
        defer { run.remove() }
        let sitting = run.sittings[SittingKey(year: 2025, subject: "Математика", grade: 5)]!
        let bent = Set(run.truth.filter { $0.contains(",1,lenient_marking,") }.map { String($0.split(separator: ",")[0]) })
        let analysis = SittingAnalysis(sitting: sitting, seed: 1)
        var honestTests = 0, honestFired = 0, bentLarge = 0, bentFound = 0
        for unit in analysis.units {
            guard let indicator = unit.indicators.first(where: { $0.code == "task_inversion" }) else { continue }
            if bent.contains(unit.school) {
                if unit.works >= 20 {
                    bentLarge += 1
                    if indicator.test.pValue < 0.05 { bentFound += 1 }
                }
            } else {
                honestTests += 1
                if indicator.test.pValue < 0.05 { honestFired += 1 }
            }
        }
        #expect(Double(honestFired) <= 0.05 * Double(honestTests) + 3 * (0.05 * 0.95 * Double(honestTests)).squareRoot(),
                "honest: \(honestFired) of \(honestTests) at p < 0.05")
        #expect(Double(bentFound) >= 0.6 * Double(bentLarge), "lenient: \(bentFound) of \(bentLarge) units with ≥ 20 works at p < 0.05")
    }
}
