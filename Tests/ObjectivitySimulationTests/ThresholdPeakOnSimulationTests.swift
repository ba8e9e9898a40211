import Foundation
import ObjectivityCore
import ObjectivitySimulation
import Testing

/// `threshold_peak` on simulated regions: its false-positive rate on clean units, and how
/// often it finds units whose works were nudged onto the cuts.
@Suite struct ThresholdPeakOnSimulationTests {
    private let key = SittingKey(year: 2025, subject: "Математика", grade: 5)

    private func unitCounts(_ sitting: Sitting) -> [[Int]] {
        (0..<Int32(sitting.schools.count)).map { school in
            var counts = [Int](repeating: 0, count: sitting.maxScore + 1)
            for row in sitting.rows(ofSchool: school) { counts[Int(sitting.works.primaryScore[row])] += 1 }
            return counts
        }
    }

    @Test func cleanUnits_fireAtMostAtTheNominalRate_nudgedUnitsAreFound() throws {
        let (clean, nudged) = RegionConfiguration.small(schools: 500, seed: 21).cleanAndNudged(intensity: 0.6)
        let a = try SimulatedRegionRun(clean), b = try SimulatedRegionRun(nudged)
        defer { a.remove(); b.remove() }
        let sitting = a.sittings[key]!
        let shape = a.histogram(key).map(Double.init)
        let test = ThresholdPeakTest(regionShape: shape, cuts: sitting.scale.cuts.compactMap { $0 })

        var tests = 0, fired = 0
        for counts in unitCounts(sitting) {
            for result in test.test(counts: counts) where (result.parameter ?? 0) > 0 {
                tests += 1
                if result.pValue < 0.05 { fired += 1 }
            }
        }
        let rate = Double(fired) / Double(tests)
        #expect(rate <= 0.05 + 3 * (0.05 * 0.95 / Double(tests)).squareRoot(), "clean: \(fired) of \(tests) tests at p < 0.05")

        var large = 0, found = 0
        for counts in unitCounts(b.sittings[key]!) where counts.reduce(0, +) >= 20 {
            large += 1
            let smallest = test.test(counts: counts).map(\.pValue).min() ?? 1
            if smallest < 0.05 / 3 { found += 1 }
        }
        #expect(Double(found) / Double(large) > 0.8, "nudged: found \(found) of \(large) units with ≥ 20 works")
    }
}
