@testable import ObjectivityCore
import Testing

@Suite struct EmpiricalNullTests {
    /// The median by selection equals the sorted one, on odd and even counts, with runs of
    /// equal values (a fifth of the values are 0) and all values equal.
    @Test func medianBySelection_equalsTheSortedMedian() {
        var rng = SplitMix64(seed: 4)
        for n in [1, 2, 3, 30, 31, 1000, 1001] {
            for _ in 0..<50 {
                let values = (0..<n).map { _ in rng.nextUnit() < 0.2 ? 0 : (rng.nextNormal() * 10).rounded() / 10 }
                let sorted = values.sorted()
                let expected = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2
                #expect(Median.of(values) == expected)
            }
        }
        #expect(Median.of([Double](repeating: 2.5, count: 40_000)) == 2.5)
    }

    /// The median looked for in a band around a guess equals the sorted one, whether the
    /// median lies in the band, at its edge or outside it (then the whole is searched), on
    /// odd and even counts with runs of equal values.
    @Test func medianNearAGuess_equalsTheSortedMedian() {
        var rng = SplitMix64(seed: 6)
        for n in [2, 3, 30, 31, 1000, 1001] {
            for _ in 0..<100 {
                var values = (0..<n).map { _ in rng.nextUnit() < 0.2 ? 0 : (rng.nextNormal() * 10).rounded() / 10 }
                let sorted = values.sorted()
                let expected = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2
                let guess = expected + (rng.nextUnit() - 0.5) * (rng.nextUnit() < 0.5 ? 0.3 : 6)
                let width = [0.0, 0.05, 0.1, 1][Int(rng.nextUnit() * 4)]
                var band = [Double](repeating: .nan, count: n)
                let found = values.withUnsafeMutableBufferPointer { a in
                    band.withUnsafeMutableBufferPointer { EmpiricalNull.median(in: a, near: guess, width: width, band: $0) }
                }
                #expect(found == expected, "n \(n), guess \(guess), width \(width)")
            }
        }
    }

    /// Statistics of 2,000 units of 10…150 works whose honest null has variance 1 + τ²·n.
    private func sample(tau2: Double, seed: UInt64) -> (z: [Double], works: [Int]) {
        var rng = SplitMix64(seed: seed)
        var z: [Double] = [], works: [Int] = []
        for _ in 0..<2000 {
            let n = 10 + Int(rng.nextUnit() * 141)
            works.append(n)
            z.append((1 + tau2 * Double(n)).squareRoot() * rng.nextNormal())
        }
        return (z, works)
    }

    @Test func betweenUnitVariance_isRecoveredFromTheBulk() {
        for (tau2, seed) in [(0.02, 1 as UInt64), (0.05, 2)] {
            let (z, works) = sample(tau2: tau2, seed: seed)
            let null = EmpiricalNull(standardized: z, works: works)
            #expect(abs(null.betweenVariance - tau2) < 0.3 * tau2, "τ² = \(tau2): estimated \(null.betweenVariance)")
            #expect(null.center < 0.1)
        }
    }

    @Test func modelVarianceAlone_leavesTheExactTestInForce() {
        let (z, works) = sample(tau2: 0, seed: 3)
        let null = EmpiricalNull(standardized: z, works: works)
        #expect(null.betweenVariance < 0.002)
        #expect(null.scale(works: 100) < 1.1)
    }

    @Test func calibratedPValues_areUniformAcrossSizes() {
        // The share of honest units below p = 0.01 stays near 1 % for small and large units
        // alike — one scale for every size would not.
        let (z, works) = sample(tau2: 0.04, seed: 4)
        let null = EmpiricalNull(standardized: z, works: works)
        let p = zip(z, works).map { null.pValue(exact: 0, standardized: $0.0, works: $0.1) }
        for band in [10...60, 100...150] {
            let inBand = zip(p, works).filter { band.contains($0.1) }.map(\.0)
            let share = Double(inBand.filter { $0 < 0.01 }.count) / Double(inBand.count)
            #expect(share < 0.025, "works \(band): \(share) below 0.01")
        }
    }

    /// The estimate equals the definition computed plainly — both medians of every
    /// bisection step from sorted copies — bit for bit, on odd and even counts, and on
    /// statistics with many ties (where the two middle deviations often fall either side
    /// of the spread's limit, or on it).
    @Test func estimate_equalsTheSortedDefinition_bitForBit() {
        func median(_ values: [Double]) -> Double {
            let s = values.sorted()
            return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
        }
        func plain(_ z: [Double], _ works: [Int]) -> (center: Double, tau2: Double) {
            func spread(_ tau2: Double) -> (center: Double, scale: Double) {
                let u = zip(z, works).map { $0 / (1 + tau2 * Double($1)).squareRoot() }
                let m = median(u)
                return (m, 1.4826 * median(u.map { abs($0 - m) }))
            }
            let untouched = spread(0)
            guard untouched.scale > 1 else { return (max(0, untouched.center), 0) }
            var low = 0.0, high = 1.0
            while spread(high).scale > 1, high < 1e6 { high *= 4 }
            for _ in 0..<40 {
                let middle = (low + high) / 2
                if spread(middle).scale > 1 { low = middle } else { high = middle }
            }
            return (max(0, spread(high).center), high)
        }
        var rng = SplitMix64(seed: 11)
        for n in [30, 31, 200, 201, 1000] {
            for trial in 0..<20 {
                let works = (0..<n).map { _ in 5 + Int(rng.nextUnit() * 100) }
                // Half the trials on a coarse grid of values, so that deviations tie.
                let z = works.map { (1 + 0.03 * Double($0)).squareRoot() * rng.nextNormal() }
                    .map { trial % 2 == 0 ? $0 : ($0 * 2).rounded() / 2 }
                let expected = plain(z, works), null = EmpiricalNull(standardized: z, works: works)
                #expect(null.betweenVariance == expected.tau2 && null.center == expected.center, "n = \(n), trial \(trial)")
            }
        }
        #expect(1.4826 * EmpiricalNull.widestDeviation <= 1 && 1.4826 * EmpiricalNull.widestDeviation.nextUp > 1)
    }

    @Test func fewUnits_keepTheTheoreticalNull() {
        let null = EmpiricalNull(standardized: [5, -5, 4, -4], works: [50, 50, 50, 50])
        #expect(null == EmpiricalNull(standardized: [], works: []))
        #expect(null.pValue(exact: 0.003, standardized: 2.75, works: 50) == 0.003)
    }
}
