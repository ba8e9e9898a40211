import ObjectivityCore
import ObjectivitySimulation
import Testing

/// Region-level bunching on a simulated sitting: silent on a clean region, loud where
/// every school nudged works onto the cuts.
@Suite struct SittingBunchingOnSimulationTests {
    @Test func cleanSitting_isSilent_nudgedSittingShowsExcessAtEveryCut() throws {
        let (clean, nudged) = RegionConfiguration.small(schools: 300, seed: 5).cleanAndNudged(intensity: 0.5)
        let a = try SimulatedRegionRun(clean), b = try SimulatedRegionRun(nudged)
        defer { a.remove(); b.remove() }
        let key = SittingKey(year: 2025, subject: "Математика", grade: 5)
        let quiet = SittingBunching.estimates(for: a.sittings[key]!, seed: 1)
        let loud = SittingBunching.estimates(for: b.sittings[key]!, seed: 1)
        #expect(quiet.count == 3 && loud.count == 3)
        for entry in quiet { #expect(abs(entry.estimate.zScore) < 3, "clean «\(entry.mark)»: z = \(entry.estimate.zScore)") }
        for entry in loud { #expect(entry.estimate.zScore > 5, "nudged «\(entry.mark)»: z = \(entry.estimate.zScore)") }
    }
}
