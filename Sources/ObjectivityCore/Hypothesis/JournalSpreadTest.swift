/// `journal_discrepancy/spread`: the spread of a unit's journal marks around what the
/// region's journals give works of the same primary score.
///
/// An honestly lenient (or strict) journal moves every mark the same way: the residuals
/// journal − E[journal | score] shift, their spread stays. An inflated journal raises some
/// works' marks and not others, and the spread grows. Statistic: the residuals' sum of
/// squares about their own mean against its expectation (n − 1)/n · Σ Var_w[journal | score],
/// standardised by √(2 Σ Var_w²) (a normal approximation, calibrated by the sitting's
/// empirical null). Var_w is the variance *within* units: residuals about their unit's own
/// mean, pooled over the region — the region's plain conditional variance also holds the
/// differences in leniency between schools, which a unit's own spread does not, and made
/// the test conservative (0.8 % of honest units at p < 0.05 on seed 12). Moments by score
/// are pooled over neighbouring scores until 30 works back each. Effect: the excess
/// variance per work (marks²).
public struct JournalSpreadTest: Sendable {
    private let meanByScore: [Double]
    private let varianceByScore: [Double]

    /// - Parameters:
    ///   - scores, journal: every work's primary score and journal mark (2…5; others left out).
    ///   - units: the rows of each unit (school) of the sitting.
    public init(scores: [Int16], journal: [Int8], units: [Range<Int>]) {
        let top = Int(scores.max() ?? 0)
        var n = [Double](repeating: 0, count: top + 1), s = n
        for (score, j) in zip(scores, journal) where (2...5).contains(j) && score >= 0 {
            n[Int(score)] += 1; s[Int(score)] += Double(j)
        }
        let meanByScore = (0...top).map { score in Self.pooledRatio(top: top, score: score, numerator: s, denominator: n) ?? 0 }
        var squares = [Double](repeating: 0, count: top + 1), weight = squares
        for rows in units {
            let valid = rows.filter { (2...5).contains(journal[$0]) && scores[$0] >= 0 }
            guard valid.count >= 2 else { continue }
            let residuals = valid.map { Double(journal[$0]) - meanByScore[Int(scores[$0])] }
            let mean = residuals.reduce(0, +) / Double(valid.count)
            for (row, r) in zip(valid, residuals) {
                squares[Int(scores[row])] += (r - mean) * (r - mean)
                weight[Int(scores[row])] += 1 - 1 / Double(valid.count)
            }
        }
        self.meanByScore = meanByScore
        varianceByScore = (0...top).map { score in
            max(0.01, Self.pooledRatio(top: top, score: score, numerator: squares, denominator: weight) ?? 0.25)
        }
    }

    /// numerator / denominator summed over the scores nearest `score` until the denominator
    /// reaches 30; `nil` when the whole sitting has less than one.
    private static func pooledRatio(top: Int, score: Int, numerator: [Double], denominator: [Double]) -> Double? {
        var count = 0.0, sum = 0.0, radius = 0
        while count < 30, radius <= top {
            // In a fixed order: the sums are not integers, and a Set's order changes from run
            // to run (and with it the last bits).
            for c in radius == 0 ? [score] : [score - radius, score + radius] where (0...top).contains(c) {
                count += denominator[c]
                sum += numerator[c]
            }
            radius += 1
        }
        return count >= 1 ? sum / count : nil
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
