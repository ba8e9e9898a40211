import Foundation
import ObjectivityCore

/// Draws task scores from Samejima's graded response model.
///
/// For a task with maximum `m`, step `k` (1…m) has difficulty `b + 0.8 (k − 1)`, and
/// P(score ≥ k | θ) = 1 / (1 + exp(−a (θ − b_k))). One uniform draw decides the score,
/// so the steps are consistent. Open-answer tasks (maximum ≥ 2) are left blank more
/// often by weak pupils.
struct GradedResponseModel: Sendable {
    static let stepSpacing = 0.8

    let tasks: [TaskSpecification]
    /// Shift of every difficulty this year (logits): a test is a little easier or harder.
    let yearShift: Double

    /// Score of one pupil on task `k`, or `WorkColumns.notAttempted`.
    @inline(__always)
    func score(task k: Int, ability theta: Double, rng: inout SplitMix64) -> Int8 {
        let task = tasks[k]
        let maximum = task.descriptor.maxScore
        let b1 = task.difficulty + yearShift
        let blankChance = maximum >= 2 ? 0.01 + 0.12 / (1 + exp(1.5 * (theta - b1))) : 0.01
        if rng.nextUnit() < blankChance { return WorkColumns.notAttempted }
        let u = rng.nextUnit()
        var score: Int8 = 0
        for step in 0..<maximum {
            let b = b1 + Self.stepSpacing * Double(step)
            let p = 1 / (1 + exp(-task.discrimination * (theta - b)))
            if u < p { score += 1 } else { break }
        }
        return score
    }
}
