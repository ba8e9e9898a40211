@testable import ObjectivityCore
import Testing

@Suite struct RiskModelTests {
    /// Simes: min over j of K · p₍ⱼ₎ / j.
    @Test func simes_usesEveryOrderedPValue() {
        #expect(abs(RiskModel.simes([0.5, 0.01, 0.02]) - 0.03) < 1e-15)
        // Two families at 0.04: Bonferroni says 0.08, Simes 0.04.
        #expect(abs(RiskModel.simes([0.04, 0.04]) - 0.04) < 1e-15)
        #expect(RiskModel.simes([]) == 1)
        #expect(RiskModel.simes([0.9, 0.8]) == 0.9)
    }

    /// On uniform p-values of independent families, Simes' combination rejects at its level.
    @Test func simes_holdsItsLevelOnIndependentNulls() {
        var rng = SplitMix64(seed: 7)
        let trials = 20_000
        var rejected = 0
        for _ in 0..<trials where RiskModel.simes((0..<18).map { _ in rng.nextUnit() }) <= 0.05 { rejected += 1 }
        let rate = Double(rejected) / Double(trials)
        // 0.05 ± 4 binomial SDs (0.0062).
        #expect(abs(rate - 0.05) < 0.0062, "rejection rate \(rate)")
    }
}
