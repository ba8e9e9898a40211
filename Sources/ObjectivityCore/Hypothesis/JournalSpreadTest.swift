/// `journal_discrepancy/spread`: the spread of a unit's journal marks around what the
/// region's journals give works of the same primary score.
///
/// An honestly lenient (or strict) journal moves every mark the same way: the residuals
/// journal − E[journal | score] shift, their spread stays. An inflated journal raises some
/// works' marks and not others, and the spread grows. Statistic: the residuals' sum of
/// squares about their own mean against its expectation (n − 1)/n · Σ Var[journal | score],
/// standardised by √(2 Σ Var²) (a normal approximation, calibrated by the sitting's
/// empirical null); region moments by score pooled over neighbouring scores until 30
/// works back each. Effect: the excess variance per work (marks²).
public struct JournalSpreadTest: Sendable {
    private let meanByScore: [Double]
    private let varianceByScore: [Double]

    /// - Parameters: every work's primary score and journal mark (2…5; others left out).
    public init(scores: [Int16], journal: [Int8]) {
        let top = Int(scores.max() ?? 0)
        var n = [Double](repeating: 0, count: top + 1), s = n, s2 = n
        for (score, j) in zip(scores, journal) where (2...5).contains(j) && score >= 0 {
            n[Int(score)] += 1; s[Int(score)] += Double(j); s2[Int(score)] += Double(j) * Double(j)
        }
        var means: [Double] = [], variances: [Double] = []
        for score in 0...top {
            var count = 0.0, sum = 0.0, squares = 0.0, radius = 0
            while count < 30, radius <= top {
                for c in Set([score - radius, score + radius]) where (0...top).contains(c) { count += n[c]; sum += s[c]; squares += s2[c] }
                radius += 1
            }
            let mean = count > 0 ? sum / count : 0
            means.append(mean)
            variances.append(count > 1 ? max(0.01, (squares - sum * mean) / (count - 1)) : 0.25)
        }
        meanByScore = means
        varianceByScore = variances
    }

    /// The test for one unit's works.
    public func test(scores: ArraySlice<Int16>, journal: ArraySlice<Int8>) -> HypothesisTestResult {
        var residuals: [Double] = [], expected = 0.0, fourth = 0.0
        for (score, j) in zip(scores, journal) where (2...5).contains(j) && score >= 0 {
            let s = min(Int(score), meanByScore.count - 1)
            residuals.append(Double(j) - meanByScore[s])
            expected += varianceByScore[s]
            fourth += varianceByScore[s] * varianceByScore[s]
        }
        let n = Double(residuals.count)
        guard n >= 3 else {
            return HypothesisTestResult(statistic: 0, parameter: n, pValue: 1, estimate: 0, method: Self.method, alternative: .greater, standardized: 0)
        }
        let mean = residuals.reduce(0, +) / n
        let ss = residuals.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        let target = expected * (n - 1) / n
        let z = (ss - target) / (2 * fourth).squareRoot()
        return HypothesisTestResult(statistic: ss / n, parameter: n, pValue: NormalDistribution().upperTail(z), estimate: (ss - target) / n,
                                    method: Self.method, alternative: .greater, standardized: z)
    }

    private static let method = "spread of journal marks about E[journal | primary score] against the region's conditional variance (normal approximation, calibrated by the sitting's empirical null); statistic: residual variance; estimate: its excess per work"
}
