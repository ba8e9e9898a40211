@testable import ObjectivityCore
import Foundation
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

    @Test func radixOrder_sortsAsTheDoublesOrder() {
        // Values of every kind the sort meets and some it should not: ties, zeros of both
        // signs, subnormals, negatives, values spanning many exponents.
        var rng = SplitMix64(seed: 5)
        var values: [Double] = [0, -0.0, 1, 1, 0.5, -1, -2.5, 1e-300, 5e-324, .infinity, -.infinity]
        for _ in 0..<5000 {
            let u = rng.nextUnit()
            values.append(u < 0.3 ? Double(Int(u * 100)) / 999 : u < 0.6 ? pow(10, -30 * rng.nextUnit()) : rng.nextUnit() - 0.2)
        }
        let indices = Array(values.indices.reversed())
        let order = BenjaminiHochberg.ascendingOrder(of: indices, by: values)
        #expect(order.sorted() == indices.sorted())
        #expect(zip(order, order.dropFirst()).allSatisfy { values[$0] <= values[$1] })
        #expect(BenjaminiHochberg.ascendingOrder(of: [3], by: values) == [3])
    }
}
