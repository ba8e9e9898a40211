#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Polytomous person-fit of one work against the sitting's item steps: U3poly (Emons,
/// 2008) and the number of Guttman errors Gpoly, as R's PerFit defines them.
///
/// Each task of maximum M_k is split into item steps "scored at least m" (m = 1…M_k) with
/// popularity π = the share of the sitting's works that reach it (not attempted counts as
/// 0). A work passes the steps up to its score on each task.
/// - Gpoly: pairs of steps where the more popular one was failed and the less popular one
///   passed — hard parts solved while easy ones were not, the trace of help or a leak.
/// - U3poly: with W = Σ of logit(π) over the passed steps, (maxW − W) / (maxW − minW),
///   maxW and minW the largest and smallest W any work with the same total could have
///   (steps taken in order within a task); 0 for a Guttman-perfect work, 1 for the reverse.
///   Steps nobody or everybody reached carry logit 0, as in PerFit.
public struct PolytomousPersonFit: Sendable {
    /// Task maxima, points.
    public let maxima: [Int]
    /// logit π per task and step, [k][m − 1].
    public let logits: [[Double]]
    /// Largest and smallest W by total points 0…Σ maxima.
    private let maxW: [Double]
    private let minW: [Double]
    /// Steps in decreasing popularity, as (task, step m), for Gpoly.
    private let stepOrder: [(task: Int, step: Int)]
    /// ``logits`` in one array, task after task, and where each task's steps start: U3poly
    /// runs over every work of a country's sittings, and nested arrays cost a second
    /// indirection and bounds check per step.
    private let stepLogits: [Double]
    private let stepStart: [Int]

    /// - Parameters:
    ///   - maxima: points of each task.
    ///   - scores: work-major task scores of the works that define the steps' popularity;
    ///     negative = not attempted (counted as 0).
    public init(maxima: [Int], scores: [Int8]) {
        self.maxima = maxima
        let tasks = maxima.count
        let works = tasks > 0 ? scores.count / tasks : 0
        var start = [0]
        for maximum in maxima { start.append(start.last! + maximum) }
        // Works reaching each step: each task's scores counted once (a histogram, one
        // slot per score 0…maximum), then the works at or above each step summed from the
        // top — whole numbers, exact in any order. Counting every step a work reaches
        // chained its increments through memory, a work of a country at a time.
        var histogram = [Int](repeating: 0, count: start.last! + tasks)
        scores.withUnsafeBufferPointer { score in
            maxima.withUnsafeBufferPointer { maximum in
                histogram.withUnsafeMutableBufferPointer { count in
                    for w in 0..<works {
                        for k in 0..<tasks {
                            let x = min(Int(max(0, score[w &* tasks &+ k])), maximum[k])
                            count[start[k] &+ k &+ x] &+= 1
                        }
                    }
                }
            }
        }
        var reachedSteps = [Double](repeating: 0, count: start.last!)
        for k in 0..<tasks {
            var atOrAbove = 0
            for x in stride(from: maxima[k], through: 1, by: -1) {
                atOrAbove += histogram[start[k] + k + x]
                reachedSteps[start[k] + x - 1] = Double(atOrAbove)
            }
        }
        let reached = (0..<tasks).map { Array(reachedSteps[start[$0]..<start[$0 + 1]]) }
        let popularity = reached.map { $0.map { works > 0 ? $0 / Double(works) : 0 } }
        logits = popularity.map { steps in
            steps.map { p in
                let l = log(p / (1 - p))
                return l.isFinite ? l : 0
            }
        }
        let total = maxima.reduce(0, +)
        let sorted = logits.flatMap { $0 }.sorted(by: >)
        var prefix = [0.0]
        for l in sorted { prefix.append(prefix.last! + l) }
        maxW = prefix
        stepLogits = logits.flatMap { $0 }
        stepStart = start
        // minW: the smallest Σ_k cumlogit_k(x_k) with Σ x_k = total, task by task.
        var best = [0.0]
        for k in 0..<tasks {
            var cumulative = [0.0]
            for l in logits[k] { cumulative.append(cumulative.last! + l) }
            var next = [Double](repeating: .infinity, count: best.count + maxima[k])
            for (t, value) in best.enumerated() {
                for x in 0...maxima[k] { next[t + x] = min(next[t + x], value + cumulative[x]) }
            }
            best = next
        }
        minW = total == 0 ? [0] : best
        var steps: [(task: Int, step: Int, popularity: Double)] = []
        for k in 0..<tasks { for m in 0..<maxima[k] { steps.append((k, m + 1, popularity[k][m])) } }
        // Stable: equal popularity keeps task order, as R's order() does.
        stepOrder = steps.enumerated().sorted { ($0.element.popularity, -$0.offset) > ($1.element.popularity, -$1.offset) }
            .map { ($0.element.task, $0.element.step) }
    }

    /// U3poly of one work (task scores in task order; negative = not attempted).
    public func u3(_ scores: ArraySlice<Int8>) -> Double {
        scores.withUnsafeBufferPointer { u3AndTotal($0).u3 }
    }

    /// U3poly of one work and its total points (each task's score capped at its maximum,
    /// not attempted as 0), from its scores in place: ``PersonFitTest`` takes both for every
    /// work of a sitting.
    public func u3AndTotal(_ scores: UnsafeBufferPointer<Int8>) -> (u3: Double, total: Int) {
        precondition(scores.count <= maxima.count, "one score per task")
        var w = 0.0, total = 0
        stepLogits.withUnsafeBufferPointer { logit in
            maxima.withUnsafeBufferPointer { maxima in
                stepStart.withUnsafeBufferPointer { stepStart in
                    for k in 0..<scores.count {
                        let x = min(Int(max(0, scores[k])), maxima[k])
                        total += x
                        let first = stepStart[k]
                        for m in 0..<x { w += logit[first + m] }
                    }
                }
            }
        }
        let top = maxW.count - 1
        let denominator = total == 0 || total == top ? 1 : maxW[total] - minW[total]
        return (denominator > 0 ? (maxW[total] - w) / denominator : 0, total)
    }

    /// Gpoly of one work: Guttman errors over the item steps.
    public func guttmanErrors(_ scores: ArraySlice<Int8>) -> Int {
        let values = Array(scores)
        var failedSoFar = 0, errors = 0
        for (k, m) in stepOrder {
            if min(Int(max(0, values[k])), maxima[k]) >= m { errors += failedSoFar } else { failedSoFar += 1 }
        }
        return errors
    }
}
