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
        precondition(outcomes.count == base.count && base.count == level.count && level.count == position.count)
        let offsets = base.map { Self.logit($0) }
        var beta = [0.0, 0.0, 0.0]
        for _ in 0..<30 {
            var gradient = [0.0, 0.0, 0.0]
            var hessian = [Double](repeating: 0, count: 9)
            for w in outcomes.indices {
                let x1 = level[w], x2 = level[w] * position[w]
                let p = Self.logistic(offsets[w] + beta[0] + beta[1] * x1 + beta[2] * x2)
                let residual = (outcomes[w] ? 1 : 0) - p, weight = p * (1 - p)
                gradient[0] += residual
                gradient[1] += residual * x1
                gradient[2] += residual * x2
                hessian[0] += weight
                hessian[1] += weight * x1
                hessian[2] += weight * x2
                hessian[4] += weight * x1 * x1
                hessian[5] += weight * x1 * x2
                hessian[8] += weight * x2 * x2
            }
            hessian[3] = hessian[1]
            hessian[6] = hessian[2]
            hessian[7] = hessian[5]
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
