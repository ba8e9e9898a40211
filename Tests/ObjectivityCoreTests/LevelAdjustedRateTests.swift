#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import ObjectivityCore
import Testing

@Suite struct LevelAdjustedRateTests {
    /// 400 works on a grid of base rates, levels and positions, outcomes drawn by a fixed
    /// rule from β = (0.3, 0.8, 0.2): the data of fixtures/reference/level_adjusted_rate.py.
    private static let fixture: (base: [Double], level: [Double], position: [Double], outcomes: [Bool]) = {
        var base: [Double] = [], level: [Double] = [], position: [Double] = [], outcomes: [Bool] = []
        for i in 0..<400 {
            let b = 0.15 + 0.7 * Double(i % 7) / 6
            let l = Double((i * 37) % 21 - 10) / 5
            let x = Double(i % 4) - 1.5
            let eta = log(b / (1 - b)) + 0.3 + 0.8 * l + 0.2 * l * x
            let u = (Double((i * 7919) % 1000) + 0.5) / 1000
            base.append(b); level.append(l); position.append(x)
            outcomes.append(u < 1 / (1 + exp(-eta)))
        }
        return (base, level, position, outcomes)
    }()

    @Test func coefficients_matchScipyLogisticRegressionWithOffset() {
        // python3 fixtures/reference/level_adjusted_rate.py (SciPy 1.17.1, BFGS on the same data)
        let reference = [0.4448093221250609, 0.8107627955797215, 0.24990827956276093]
        let data = Self.fixture
        let fit = LevelAdjustedRate(outcomes: data.outcomes, base: data.base, level: data.level, position: data.position)
        for (c, r) in zip(fit.coefficients, reference) {
            #expect(abs(c - r) < 1e-6, "\(fit.coefficients) vs \(reference)")
        }
    }

    /// The works of the SciPy fixture gathered into groups that share base, level and
    /// position, with their counts: the same fit as one row per work.
    @Test func groupedWorks_fitAsTheWorksThemselves() {
        let data = Self.fixture
        var groups: [[Double]: (successes: Double, trials: Double)] = [:]
        for i in data.base.indices {
            groups[[data.base[i], data.level[i], data.position[i]], default: (0, 0)].successes += data.outcomes[i] ? 1 : 0
            groups[[data.base[i], data.level[i], data.position[i]], default: (0, 0)].trials += 1
        }
        let keys = groups.keys.sorted { $0.lexicographicallyPrecedes($1) }
        #expect(keys.count < 200, "the fixture has repeated covariates")
        let grouped = LevelAdjustedRate(successes: keys.map { groups[$0]!.successes }, trials: keys.map { groups[$0]!.trials },
                                        base: keys.map { $0[0] }, level: keys.map { $0[1] }, position: keys.map { $0[2] })
        let perWork = LevelAdjustedRate(outcomes: data.outcomes, base: data.base, level: data.level, position: data.position)
        for (g, w) in zip(grouped.coefficients, perWork.coefficients) {
            #expect(abs(g - w) < 1e-9, "\(grouped.coefficients) vs \(perWork.coefficients)")
        }
    }

    @Test func averageLevel_keepsTheBaseRate_unadjustedKeepsItEverywhere() {
        let fit = LevelAdjustedRate(outcomes: [true, false, true, false], base: [0.5, 0.5, 0.5, 0.5],
                                    level: [1, 1, -1, -1], position: [0, 0, 0, 0])
        #expect(abs(fit.probability(base: 0.3, level: 0, position: 0) - 0.3) < 1e-6)
        #expect(abs(LevelAdjustedRate.unadjusted.probability(base: 0.3, level: 2, position: 1) - 0.3) < 1e-12)
    }
}
