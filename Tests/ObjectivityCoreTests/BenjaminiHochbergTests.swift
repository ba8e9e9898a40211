import ObjectivityCore
import Testing

@Suite struct BenjaminiHochbergTests {
    @Test func qValues_matchScipyFalseDiscoveryControl() {
        // false_discovery_control(ps, method='bh') from fixtures/reference/core_reference.py (SciPy 1.17.1)
        let p = [0.01, 0.04, 0.03, 0.005, 0.2, 0.5, 0.049, 0.9, 0.0001, 0.03]
        let reference = [0.03333333333333333, 0.06666666666666667, 0.06, 0.025, 0.25, 0.5555555555555556, 0.07, 0.9, 0.001, 0.06]
        for (q, r) in zip(BenjaminiHochberg.qValues(p), reference) {
            #expect(abs(q - r) < 1e-12)
        }
    }

    @Test func missingPValues_stayMissingAndDoNotCount() {
        let q = BenjaminiHochberg.qValues([0.01, .nan, 0.02])
        #expect(q[1].isNaN)
        #expect(abs(q[0] - 0.02) < 1e-15 && abs(q[2] - 0.02) < 1e-15)
    }
}
