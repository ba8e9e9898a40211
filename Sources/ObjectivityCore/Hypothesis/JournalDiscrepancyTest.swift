/// `journal_discrepancy` for one unit: ВПР marks against the teachers' journal marks, with
/// the two directions kept apart.
///
/// ФИС ОКО names the comparison from the ВПР's side: «Понизили» = ВПР mark *below* the
/// journal mark (the journal looks inflated), «Подтвердили» = equal, «Повысили» = ВПР mark
/// *above* the journal. The region's works give the conditional distributions; a unit is
/// compared with what they predict for its own marks:
///
/// - `confirmed`: works with «Подтвердили», each with P(ВПР = journal | its journal mark).
///   Too many means ВПР marks bent toward the journal. Conditioning on the journal mark
///   keeps the test valid when the ВПР marks themselves were raised.
/// - `lowered`: works with «Понизили», each with P(journal > ВПР | its primary score) —
///   the score, finer than the mark, takes out the honest ability differences within a
///   mark's band. Too many means inflated journal marks.
/// - `largeGaps`: works whose marks differ by 2 or more, each with P(|journal − ВПР| ≥ 2 |
///   its primary score).
/// (Without scores, `lowered` and `largeGaps` condition on the ВПР mark.)
///
/// Each is an exact one-sided Poisson-binomial tail; the effect is the excess share of the
/// unit's works with journal marks (observed − expected) / works.
public struct JournalDiscrepancyTest: Sendable {
    /// P(ВПР = m | journal = j), indexed [j − 2][m − 2].
    private let vprGivenJournal: [[Double]]
    /// P(journal = j | ВПР = m), indexed [m − 2][j − 2].
    private let journalGivenVPR: [[Double]]
    /// By primary score: P(journal > ВПР) and P(|journal − ВПР| ≥ 2), pooled over
    /// neighbouring scores until at least 30 works back each; empty without scores.
    private let loweredGivenScore: [Double]
    private let gapGivenScore: [Double]

    /// The region's conditional distributions, from every work with both marks (2…5).
    /// Journal mark 0 means «нет отметки» and is left out. A half-work prior on every cell
    /// keeps sparse rows away from zero.
    public init(vpr: [Int8], journal: [Int8], scores: [Int16]? = nil) {
        var joint = [[Double]](repeating: [Double](repeating: 0.5, count: 4), count: 4)  // [m][j]
        for (m, j) in zip(vpr, journal) where (2...5).contains(m) && (2...5).contains(j) {
            joint[Int(m) - 2][Int(j) - 2] += 1
        }
        journalGivenVPR = joint.map { row in
            let total = row.reduce(0, +)
            return row.map { $0 / total }
        }
        vprGivenJournal = (0..<4).map { j in
            let column = (0..<4).map { joint[$0][j] }
            let total = column.reduce(0, +)
            return column.map { $0 / total }
        }
        guard let scores, let top = scores.max(), top >= 0 else {
            loweredGivenScore = []
            gapGivenScore = []
            return
        }
        var total = [Double](repeating: 0, count: Int(top) + 1)
        var lowered = total, gaps = total
        for i in scores.indices where (2...5).contains(vpr[i]) && (2...5).contains(journal[i]) && scores[i] >= 0 {
            let s = Int(scores[i])
            total[s] += 1
            if journal[i] > vpr[i] { lowered[s] += 1 }
            if abs(Int(journal[i]) - Int(vpr[i])) >= 2 { gaps[s] += 1 }
        }
        var pooledLowered: [Double] = [], pooledGaps: [Double] = []
        for s in total.indices {
            var n = 0.0, l = 0.0, g = 0.0, radius = 0
            while n < 30, radius < total.count {
                for c in Set([s - radius, s + radius]) where total.indices.contains(c) {
                    n += total[c]; l += lowered[c]; g += gaps[c]
                }
                radius += 1
            }
            // A half-work prior keeps a probability off 0 and 1.
            pooledLowered.append((l + 0.5) / (n + 1))
            pooledGaps.append((g + 0.5) / (n + 1))
        }
        loweredGivenScore = pooledLowered
        gapGivenScore = pooledGaps
    }

    /// The three tests for a unit's works (marks 2…5; journal 0 = none, skipped); pass the
    /// works' primary scores when the test was built with scores.
    public func test(vpr: ArraySlice<Int8>, journal: ArraySlice<Int8>, scores: ArraySlice<Int16>? = nil) -> (confirmed: HypothesisTestResult,
                                                                          lowered: HypothesisTestResult,
                                                                          largeGaps: HypothesisTestResult) {
        var confirmed: [Double] = [], lowered: [Double] = [], gaps: [Double] = []
        var kConfirmed = 0, kLowered = 0, kGaps = 0
        let byScore = scores != nil && !loweredGivenScore.isEmpty
        for (offset, (m8, j8)) in zip(vpr, journal).enumerated() where (2...5).contains(m8) && (2...5).contains(j8) {
            let m = Int(m8) - 2, j = Int(j8) - 2
            confirmed.append(vprGivenJournal[j][j])
            if byScore, let scores {
                let s = min(max(0, Int(scores[scores.startIndex + offset])), loweredGivenScore.count - 1)
                lowered.append(loweredGivenScore[s])
                gaps.append(gapGivenScore[s])
            } else {
                lowered.append(journalGivenVPR[m][(m + 1)...].reduce(0, +))
                gaps.append((0..<4).filter { abs($0 - m) >= 2 }.reduce(0) { $0 + journalGivenVPR[m][$1] })
            }
            if m == j { kConfirmed += 1 }
            if j > m { kLowered += 1 }
            if abs(j - m) >= 2 { kGaps += 1 }
        }
        let n = confirmed.count
        func result(_ k: Int, _ p: [Double], _ what: String) -> HypothesisTestResult {
            let distribution = PoissonBinomialDistribution(probabilities: p)
            let variance = p.reduce(0) { $0 + $1 * (1 - $1) }
            var caveats: [String] = []
            if n < ThresholdPeakTest.smallUnit { caveats.append("small unit: \(n) works with journal marks") }
            return HypothesisTestResult(
                statistic: Double(k), parameter: Double(n), pValue: n == 0 ? 1 : distribution.probability(atLeast: k),
                estimate: n > 0 ? (Double(k) - distribution.mean) / Double(n) : 0,
                method: "exact Poisson-binomial test of \(what) against the region's conditional distribution; estimate: excess share of works",
                alternative: .greater,
                standardized: variance > 0 ? (Double(k) - distribution.mean) / variance.squareRoot() : nil, caveats: caveats)
        }
        return (result(kConfirmed, confirmed, "«Подтвердили» given the journal mark"),
                result(kLowered, lowered, byScore ? "«Понизили» given the primary score" : "«Понизили» given the ВПР mark"),
                result(kGaps, gaps, byScore ? "marks two or more apart given the primary score" : "marks two or more apart given the ВПР mark"))
    }
}
