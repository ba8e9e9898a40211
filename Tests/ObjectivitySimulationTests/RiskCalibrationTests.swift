import ObjectivityCore
import ObjectivitySimulation
import Testing

/// On clean simulated regions — honest schools only, with their honest variety: lenient
/// journals, strong lyceums, small rural schools, improving schools — the risk levels stay
/// within their promise: at most 1 % of units `high`, at most 5 % `medium` or above —
/// with every indicator `scan` computes, the comparisons across years and the persistence
/// prior included.
@Suite struct RiskCalibrationTests {
    @Test(arguments: [UInt64(31), 32, 33])
    func cleanRegion_staysWithinTheNominalShares(seed: UInt64) throws {
        var c = RegionConfiguration()
        c.seed = seed
        c.schools = 200
        c.years = [2024, 2025]
        c.manipulatedSchoolShare = 0
        let run = try SimulatedRegionRun(c)
        defer { run.remove() }
        let units = run.analyses().flatMap(\.units)
        #expect(units.contains { unit in unit.indicators.contains { $0.code == "cohort" } })
        let high = units.filter { $0.riskLevel == .high }.count
        let elevated = units.filter { $0.riskLevel >= .medium }.count
        #expect(units.count == run.summary.units)
        #expect(Double(high) <= 0.01 * Double(units.count), "high: \(high) of \(units.count)")
        #expect(Double(elevated) <= 0.05 * Double(units.count), "medium or high: \(elevated) of \(units.count)")
        #expect(units.filter { $0.works < RiskModel.smallUnit && $0.riskLevel == .high && $0.indicators.filter(\.fired).count < 2 }.isEmpty)
    }
}
