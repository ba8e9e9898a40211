#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// `distribution` for one unit: does the unit's primary-score histogram have the shape
/// expected for a school of its level?
///
/// Expected shape: the region's bunching-free shape tilted to the unit's level (as in
/// ``ThresholdPeakTest``). Statistic: the likelihood-ratio G² = 2 Σ n_s ln(n_s / (n p_s)).
/// Small units make the χ² approximation useless, so the p-value is Monte Carlo: works are
/// redrawn from the expected shape and G² recomputed, with Besag and Clifford's (1991)
/// sequential stopping — after `exceedances` simulated values at or above the observed
/// one, or `maxSimulations` in all (p = h / m when stopped early, (h + 1) / (m + 1) else).
/// Effect: total variation distance between the unit's and the expected shape, 0…1.
public struct DistributionTest: Sendable {
    public let threshold: ThresholdPeakTest
    public let exceedances: Int
    public let maxSimulations: Int

    public init(threshold: ThresholdPeakTest, exceedances: Int = 10, maxSimulations: Int = 999) {
        self.threshold = threshold
        self.exceedances = exceedances
        self.maxSimulations = maxSimulations
    }

    /// - Parameter seed: seed of this unit's Monte Carlo stream.
    public func test(counts: [Int], seed: UInt64) -> HypothesisTestResult {
        test(counts: counts, shape: threshold.tiltedShape(counts: counts).weights, seed: seed)
    }

    /// ``test(counts:seed:)`` against `shape`, the unit's `threshold.tiltedShape(counts:)`
    /// weights already fitted for `threshold_peak`.
    public func test(counts: [Int], shape weights: [Double], seed: UInt64) -> HypothesisTestResult {
        let n = counts.reduce(0, +)
        let total = weights.reduce(0, +)
        guard n > 0, total > 0 else {
            return HypothesisTestResult(statistic: 0, parameter: Double(n), pValue: 1, estimate: 0, method: Self.method,
                                        alternative: .greater, standardized: nil, caveats: ["no works"])
        }
        let p = weights.map { $0 / total }
        var cumulative: [Double] = []
        var running = 0.0
        for value in p {
            running += value
            cumulative.append(running)
        }
        // G² = 2 Σ k (ln k − ln(n p_s)): both logarithms tabulated, none taken per draw.
        let logExpected = p.map { log(Double(n) * max($0, 1e-12)) }
        let logCount = (0...n).map { $0 == 0 ? 0 : log(Double($0)) }
        func g2(_ c: [Int]) -> Double {
            var sum = 0.0
            for (s, k) in c.enumerated() where k > 0 {
                sum += Double(k) * (logCount[k] - logExpected[s])
            }
            return 2 * sum
        }
        // A draw's G² is summed as the works are drawn: Σ k ln k grows by
        // (k + 1) ln(k + 1) − k ln k when a bin's count k gains a work, and Σ k ln(n p_s) by
        // the work's ln(n p_s); no pass over the bins per draw.
        let countGain = (0..<n).map { (k: Int) -> Double in
            let next = Double(k + 1) * logCount[k + 1]
            return next - Double(k) * logCount[k]
        }
        // Inverse CDF by a guide table: the bin where each of `guides` equal slices of
        // [0, running) begins, then a short forward search — the same bin the binary search
        // over `cumulative` finds (the smallest bin whose cumulative share exceeds u). With
        // one slice per bin a skewed shape left several steps per work; sixteen per bin
        // leave about one (distribution.units 194 → 111 ms).
        let guides = 16 * cumulative.count
        var guide = [Int](repeating: 0, count: guides)
        var bin = 0
        for g in 0..<guides {
            let start = Double(g) / Double(guides) * running
            while bin < cumulative.count - 1, cumulative[bin] <= start { bin += 1 }
            guide[g] = bin
        }
        let observed = g2(counts)
        var rng = SplitMix64(seed: seed)
        var hits = 0, simulations = 0
        var draw = [Int](repeating: 0, count: p.count)
        // Over raw buffers: the draws are most of a national scan's 6 % in this test, and
        // the arrays' bounds and uniqueness checks were a good part of each draw.
        let bins = cumulative.count
        cumulative.withUnsafeBufferPointer { cumulative in
            guide.withUnsafeBufferPointer { guide in
                countGain.withUnsafeBufferPointer { countGain in
                    logExpected.withUnsafeBufferPointer { logExpected in
                        draw.withUnsafeMutableBufferPointer { draw in
                            while simulations < maxSimulations && hits < exceedances {
                                draw.update(repeating: 0)
                                var countTerm = 0.0, expectedTerm = 0.0
                                for _ in 0..<n {
                                    let unit = rng.nextUnit()
                                    let u = unit * running
                                    // The guide only picks where the search starts; the searches
                                    // end on the same bin from any start.
                                    var s = guide[min(guides - 1, Int(unit * Double(guides)))]
                                    while s < bins - 1, cumulative[s] <= u { s += 1 }
                                    while s > 0, cumulative[s - 1] > u { s -= 1 }  // rounding at a slice's edge
                                    countTerm += countGain[draw[s]]
                                    expectedTerm += logExpected[s]
                                    draw[s] += 1
                                }
                                simulations += 1
                                if 2 * (countTerm - expectedTerm) >= observed - 1e-9 { hits += 1 }
                            }
                        }
                    }
                }
            }
        }
        let pValue = hits >= exceedances ? Double(hits) / Double(simulations) : Double(hits + 1) / Double(simulations + 1)
        let distance = 0.5 * zip(counts, p).reduce(0) { $0 + abs(Double($1.0) / Double(n) - $1.1) }
        let caveats = SmallUnitCaveat.caveats(n)
        let z = NormalDistribution().quantile(min(1 - 1e-12, max(1e-12, 1 - pValue)))
        return HypothesisTestResult(statistic: observed, parameter: Double(simulations), pValue: pValue, estimate: distance,
                                    method: Self.method, alternative: .greater, standardized: z, caveats: caveats)
    }

    static let method = "G² goodness of fit of the unit's score histogram to the region's bunching-free shape tilted to the unit's level, sequential Monte Carlo p-value; estimate: total variation distance"
}
