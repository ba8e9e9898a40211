#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// A regional rate of a yes/no outcome per work, adjusted for the level of the work's unit.
///
/// The journal comparisons learn, from the whole sitting, how often a work with a given
/// journal mark (or primary score) is «Подтвердили», «Понизили» and so on. That base rate
/// still depends on the school: in a strong school a pupil with journal mark 5 is more
/// likely to write a ВПР «5» than the region's average pupil with a «5» in the journal, so
/// strong honest schools would look as if they bent marks toward the journal. A logistic
/// regression with the base rate as offset takes the level out:
///
///     logit p = logit(base) + β₀ + β₁·L + β₂·L·x,
///
/// where L is the unit's level (standard deviations of the sitting's works) and x the
/// work's position within the base rate's condition (its journal mark or score, centred),
/// so that the level may pull the low and the high end in opposite directions. Fitted by
/// Newton–Raphson over all works of the sitting.
public struct LevelAdjustedRate: Sendable, Equatable {
    /// β₀, β₁, β₂ (logits; per level SD; per level SD and unit of position).
    public let coefficients: [Double]

    /// No adjustment: the base rate itself.
    public static let unadjusted = LevelAdjustedRate(coefficients: [0, 0, 0])

    private init(coefficients: [Double]) { self.coefficients = coefficients }

    /// Fits the adjustment to every work's outcome, base rate (in (0, 1)), unit level and position.
    public init(outcomes: [Bool], base: [Double], level: [Double], position: [Double]) {
        precondition(outcomes.count == base.count)
        self.init(successes: outcomes.map { $0 ? 1 : 0 }, trials: [Double](repeating: 1, count: outcomes.count),
                  base: base, level: level, position: position)
    }

    /// Fits the adjustment to groups of works that share base rate, level and position
    /// (a unit's works with the same journal mark, say): `successes` of `trials` works in
    /// each. The same likelihood as one row per work — a binomial row for its Bernoulli
    /// rows — over several times fewer rows: a national sitting compares 1.4 million works
    /// in some 160,000 such groups. With one trial per row, the same sums as the per-work fit.
    public init(successes: [Double], trials: [Double], base: [Double], level: [Double], position: [Double]) {
        precondition(successes.count == trials.count && trials.count == base.count && base.count == level.count
                     && level.count == position.count)
        let offsets = base.map { Self.logit($0) }
        var beta = [0.0, 0.0, 0.0]
        for _ in 0..<30 {
            // Sums in registers, over raw buffers (the same additions in the same order as
            // into arrays, which cost a bounds check and a uniqueness check each).
            var g0 = 0.0, g1 = 0.0, g2 = 0.0, h0 = 0.0, h1 = 0.0, h2 = 0.0, h4 = 0.0, h5 = 0.0, h8 = 0.0
            let b0 = beta[0], b1 = beta[1], b2 = beta[2]
            successes.withUnsafeBufferPointer { success in
                trials.withUnsafeBufferPointer { trial in
                    offsets.withUnsafeBufferPointer { offset in
                        level.withUnsafeBufferPointer { level in
                            position.withUnsafeBufferPointer { position in
                                for w in 0..<success.count {
                                    let x1 = level[w], x2 = level[w] * position[w]
                                    let p = Self.logistic(offset[w] + b0 + b1 * x1 + b2 * x2)
                                    let residual = success[w] - trial[w] * p, weight = trial[w] * p * (1 - p)
                                    g0 += residual
                                    g1 += residual * x1
                                    g2 += residual * x2
                                    h0 += weight
                                    h1 += weight * x1
                                    h2 += weight * x2
                                    h4 += weight * x1 * x1
                                    h5 += weight * x1 * x2
                                    h8 += weight * x2 * x2
                                }
                            }
                        }
                    }
                }
            }
            let gradient = [g0, g1, g2]
            var hessian = [h0, h1, h2, h1, h4, h5, h2, h5, h8]
            // A whisper of ridge keeps the step defined when every unit has the same level.
            for r in 0..<3 { hessian[r * 4] += 1e-6 }
            guard let step = try? LeastSquares.solve(design: Matrix(rows: 3, columns: 3, elements: hessian), response: gradient),
                  step.allSatisfy(\.isFinite) else { break }
            for r in 0..<3 { beta[r] += step[r] }
            if step.map(abs).max() ?? 0 < 1e-9 { break }
        }
        coefficients = beta
    }

    /// The adjusted probability for a work with base rate `base` in a unit at `level`.
    public func probability(base: Double, level: Double, position: Double) -> Double {
        Self.logistic(Self.logit(base) + coefficients[0] + coefficients[1] * level + coefficients[2] * level * position)
    }

    private static func logit(_ p: Double) -> Double {
        let q = min(max(p, 1e-9), 1 - 1e-9)
        return log(q / (1 - q))
    }

    private static func logistic(_ eta: Double) -> Double { 1 / (1 + exp(-eta)) }
}
