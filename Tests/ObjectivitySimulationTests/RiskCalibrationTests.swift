import ObjectivityCore
import ObjectivitySimulation
import Testing

/// On clean simulated regions — honest schools only, with their honest variety: lenient
/// journals, strong lyceums, small rural schools, improving schools — the risk levels stay
/// within their promise: at most 1 % of units `high`, at most 5 % `medium` or above.
@Suite struct RiskCalibrationTests {
    @Test(arguments: [UInt64(31), 32, 33])
    func cleanRegion_staysWithinTheNominalShares(seed: UInt64) throws {
        var c = RegionConfiguration()
        c.seed = seed
        c.schools = 250
        c.years = [2025]
        c.giaSubjects = []
        c.manipulatedSchoolShare = 0
        let run = try SimulatedRegionRun(c)
        defer { run.remove() }
        var units: [UnitResult] = []
        for sitting in run.sittings.values { units += SittingAnalysis(sitting: sitting, seed: 1).units }
        let high = units.filter { $0.riskLevel == .high }.count
        let elevated = units.filter { $0.riskLevel >= .medium }.count
        #expect(units.count == run.summary.units)
        #expect(Double(high) <= 0.01 * Double(units.count), "high: \(high) of \(units.count)")
        #expect(Double(elevated) <= 0.05 * Double(units.count), "medium or high: \(elevated) of \(units.count)")
        #expect(units.filter { $0.works < RiskModel.smallUnit && $0.riskLevel == .high && $0.indicators.filter(\.fired).count < 2 }.isEmpty)
    }
}
