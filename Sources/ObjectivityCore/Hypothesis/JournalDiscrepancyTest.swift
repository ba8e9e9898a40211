/// `journal_discrepancy` for one unit: ВПР marks against the teachers' journal marks, with
/// the directions kept apart.
///
/// ФИС ОКО names the comparison from the ВПР's side: «Понизили» = ВПР mark *below* the
/// journal mark (the journal looks inflated), «Подтвердили» = equal, «Повысили» = ВПР mark
/// *above* the journal. The region's works give the conditional rates; a unit is compared
/// with what they predict for its own works and its own level:
///
/// - `confirmed`: works with «Подтвердили», each with P(ВПР = journal | its journal mark).
///   Too many means ВПР marks bent toward the journal. Conditioning on the journal mark
///   keeps the test valid when the ВПР marks themselves were raised.
/// - `raised`: works with «Повысили», each with P(ВПР > journal | its journal mark). Too
///   many means ВПР marks above what the pupils' own teachers give all year: lenient
///   marking of the ВПР or help during it.
/// - `lowered`: works with «Понизили», each with P(journal > ВПР | its primary score) —
///   the score, finer than the mark, takes out the honest ability differences within a
///   mark's band. Too many means inflated journal marks.
/// - `largeGaps`: works whose journal mark is 2 or more above the ВПР mark, each with
///   P(journal − ВПР ≥ 2 | its primary score): the far end of «Понизили», where an
///   inflated journal leaves its clearest trace. (A ВПР mark far above the journal is
///   counted by `raised`; counting both ends here mixed the two sides.)
/// (Without scores, `lowered` and `largeGaps` condition on the ВПР mark.)
///
/// Every rate is adjusted for the unit's level by ``LevelAdjustedRate`` when the test is
/// built with levels: honest strong schools agree with their journals more often.
/// Each test is an exact one-sided Poisson-binomial tail; the effect is the excess share
/// of the unit's works with journal marks (observed − expected) / works.
public struct JournalDiscrepancyTest: Sendable {
    /// A unit's level twice over (SDs of the sitting's works, see ``UnitLevels``): measured
    /// where the ВПР marking cannot reach, for `confirmed` and `raised`, and where the
    /// journal cannot reach, for `lowered` and `largeGaps`.
    public struct Level: Sendable, Equatable {
        public var vprSide: Double
        public var journalSide: Double
        public init(vprSide: Double, journalSide: Double) {
            self.vprSide = vprSide
            self.journalSide = journalSide
        }
        public static let average = Level(vprSide: 0, journalSide: 0)
    }

    /// The four comparisons of one unit.
    public struct Result: Sendable {
        public var confirmed: HypothesisTestResult
        public var raised: HypothesisTestResult
        public var lowered: HypothesisTestResult
        public var largeGaps: HypothesisTestResult
    }

    /// By journal mark j (index j − 2): P(ВПР = j | journal = j) and P(ВПР > j | journal = j).
    private let confirmedGivenJournal: [Double]
    private let raisedGivenJournal: [Double]
    /// By ВПР mark m (index m − 2): P(journal > m | ВПР = m) and P(journal ≥ m + 2 | ВПР = m).
    /// The four rates are summed once here, not for each of a country's works.
    private let loweredGivenMark: [Double]
    private let gapGivenMark: [Double]
    /// By primary score: P(journal > ВПР) and P(|journal − ВПР| ≥ 2), pooled over
    /// neighbouring scores until at least 30 works back each; empty without scores.
    private let loweredGivenScore: [Double]
    private let gapGivenScore: [Double]
    /// Mean and SD of the primary score over the works compared: the position of a work
    /// in the score-conditioned rates.
    private let scoreCentre: Double
    private let scoreSpread: Double
    private var confirmedAdjustment = LevelAdjustedRate.unadjusted
    private var raisedAdjustment = LevelAdjustedRate.unadjusted
    private var loweredAdjustment = LevelAdjustedRate.unadjusted
    private var gapAdjustment = LevelAdjustedRate.unadjusted

    /// The region's conditional rates, from every work with both marks (2…5). Journal mark
    /// 0 means «нет отметки» and is left out. A half-work prior on every cell keeps sparse
    /// rows away from zero.
    /// - Parameter levels: each work's unit level; nil leaves the rates unadjusted.
    public init(vpr: [Int8], journal: [Int8], scores: [Int16]? = nil, levels: [Level]? = nil) {
        var joint = [[Double]](repeating: [Double](repeating: 0.5, count: 4), count: 4)  // [m][j]
        for (m, j) in zip(vpr, journal) where (2...5).contains(m) && (2...5).contains(j) {
            joint[Int(m) - 2][Int(j) - 2] += 1
        }
        // P(journal = j | ВПР = m), indexed [m − 2][j − 2].
        let journalGivenVPR = joint.map { row in
            let total = row.reduce(0, +)
            return row.map { $0 / total }
        }
        // P(ВПР = m | journal = j), indexed [j − 2][m − 2].
        let vprGivenJournal = (0..<4).map { j in
            let column = (0..<4).map { joint[$0][j] }
            let total = column.reduce(0, +)
            return column.map { $0 / total }
        }
        confirmedGivenJournal = (0..<4).map { vprGivenJournal[$0][$0] }
        raisedGivenJournal = (0..<4).map { vprGivenJournal[$0][($0 + 1)...].reduce(0, +) }
        loweredGivenMark = (0..<4).map { journalGivenVPR[$0][($0 + 1)...].reduce(0, +) }
        gapGivenMark = (0..<4).map { m in (0..<4).filter { $0 - m >= 2 }.reduce(0) { $0 + journalGivenVPR[m][$1] } }
        if let scores, let top = scores.max(), top >= 0 {
            var total = [Double](repeating: 0, count: Int(top) + 1)
            var lowered = total, gaps = total
            var sum = 0.0, sumSquares = 0.0, n = 0.0
            for i in scores.indices where Self.compared(vpr[i], journal[i]) && scores[i] >= 0 {
                let s = Int(scores[i])
                total[s] += 1
                if journal[i] > vpr[i] { lowered[s] += 1 }
                if Int(journal[i]) - Int(vpr[i]) >= 2 { gaps[s] += 1 }
                sum += Double(s); sumSquares += Double(s * s); n += 1
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
            scoreCentre = n > 0 ? sum / n : 0
            scoreSpread = n > 1 ? max(1e-9, ((sumSquares - sum * sum / n) / (n - 1)).squareRoot()) : 1
        } else {
            loweredGivenScore = []
            gapGivenScore = []
            scoreCentre = 0
            scoreSpread = 1
        }
        guard let levels else { return }
        precondition(levels.count == vpr.count, "one level per work")
        var groups = Groups(conditionsByScore: scoreConditions(withScores: scores != nil))
        for i in vpr.indices where Self.compared(vpr[i], journal[i]) {
            let score = scores.map { Int($0[i]) }
            let m = Int(vpr[i]), j = Int(journal[i])
            groups.add(rates(mark: m, journal: j, score: score), level: levels[i], mark: m, journal: j,
                       scoreCondition: scoreCondition(mark: m, score: score))
        }
        (confirmedAdjustment, raisedAdjustment) = groups.byJournal.fits()
        (loweredAdjustment, gapAdjustment) = groups.byScore.fits()
    }

    /// The four tests for a unit's works (marks 2…5; journal 0 = none, skipped); pass the
    /// works' primary scores when the test was built with scores, and the unit's level
    /// when it was built with levels.
    public func test(vpr: ArraySlice<Int8>, journal: ArraySlice<Int8>, scores: ArraySlice<Int16>? = nil, level: Level = .average) -> Result {
        var confirmed: [Double] = [], raised: [Double] = [], lowered: [Double] = [], gaps: [Double] = []
        var kConfirmed = 0, kRaised = 0, kLowered = 0, kGaps = 0
        // A unit's level is one: its works' adjusted rates depend only on the journal mark
        // (confirmed, raised) and on the score or mark (lowered, gaps), so each is computed
        // once per unit and condition (a logarithm and an exponential each, for every work
        // of a country four times over); NaN until then.
        var journalRates = [Double](repeating: .nan, count: 8)
        var scoreRates = [Double](repeating: .nan, count: 2 * scoreConditions(withScores: scores != nil))
        for (offset, (m8, j8)) in zip(vpr, journal).enumerated() where Self.compared(m8, j8) {
            let m = Int(m8), j = Int(j8)
            let score = scores.map { Int($0[$0.startIndex + offset]) }
            let condition = scoreCondition(mark: m, score: score)
            var base: BaseRates?
            if journalRates[j - 2].isNaN {
                let rate = rates(mark: m, journal: j, score: score)
                base = rate
                journalRates[j - 2] = confirmedAdjustment.probability(base: rate.confirmed, level: level.vprSide, position: rate.journalPosition)
                journalRates[j + 2] = raisedAdjustment.probability(base: rate.raised, level: level.vprSide, position: rate.journalPosition)
            }
            let loweredRate: Double, gapRate: Double
            if let condition, !scoreRates[2 * condition].isNaN {
                loweredRate = scoreRates[2 * condition]
                gapRate = scoreRates[2 * condition + 1]
            } else {
                let rate = base ?? rates(mark: m, journal: j, score: score)
                loweredRate = loweredAdjustment.probability(base: rate.lowered, level: level.journalSide, position: rate.scorePosition)
                gapRate = gapAdjustment.probability(base: rate.gap, level: level.journalSide, position: rate.scorePosition)
                if let condition {
                    scoreRates[2 * condition] = loweredRate
                    scoreRates[2 * condition + 1] = gapRate
                }
            }
            confirmed.append(journalRates[j - 2])
            raised.append(journalRates[j + 2])
            lowered.append(loweredRate)
            gaps.append(gapRate)
            if m == j { kConfirmed += 1 }
            if m > j { kRaised += 1 }
            if j > m { kLowered += 1 }
            if j - m >= 2 { kGaps += 1 }
        }
        let n = confirmed.count
        let byScore = scores != nil && !loweredGivenScore.isEmpty
        func result(_ k: Int, _ p: [Double], _ method: String) -> HypothesisTestResult {
            let distribution = PoissonBinomialDistribution(probabilities: p)
            let variance = p.reduce(0) { $0 + $1 * (1 - $1) }
            let caveats = SmallUnitCaveat.caveats(n, .worksWithJournalMarks)
            return HypothesisTestResult(
                statistic: Double(k), parameter: Double(n), pValue: n == 0 ? 1 : distribution.probability(atLeast: k),
                estimate: n > 0 ? (Double(k) - distribution.mean) / Double(n) : 0,
                method: method,  // a literal: nothing formatted per unit
                alternative: .greater,
                standardized: variance > 0 ? (Double(k) - distribution.mean) / variance.squareRoot() : nil, caveats: caveats)
        }
        return Result(
            confirmed: result(kConfirmed, confirmed, "exact Poisson-binomial test of «Подтвердили» given the journal mark against the region's conditional rate at the unit's level; estimate: excess share of works"),
            raised: result(kRaised, raised, "exact Poisson-binomial test of «Повысили» given the journal mark against the region's conditional rate at the unit's level; estimate: excess share of works"),
            lowered: result(kLowered, lowered, byScore ? "exact Poisson-binomial test of «Понизили» given the primary score against the region's conditional rate at the unit's level; estimate: excess share of works" : "exact Poisson-binomial test of «Понизили» given the ВПР mark against the region's conditional rate at the unit's level; estimate: excess share of works"),
            largeGaps: result(kGaps, gaps, byScore ? "exact Poisson-binomial test of journal two or more marks above the ВПР given the primary score against the region's conditional rate at the unit's level; estimate: excess share of works"
                                 : "exact Poisson-binomial test of journal two or more marks above the ВПР given the ВПР mark against the region's conditional rate at the unit's level; estimate: excess share of works"))
    }

    /// How many values ``scoreCondition(mark:score:)`` takes.
    private func scoreConditions(withScores: Bool) -> Int { withScores && !loweredGivenScore.isEmpty ? loweredGivenScore.count : 4 }

    /// What a work's `lowered` and `largeGaps` rates and position depend on: its score when
    /// the test has scores, else its mark − 2; nil for a score outside the sitting's range
    /// (which no reader lets through), whose rates are not shared with any other work.
    private func scoreCondition(mark: Int, score: Int?) -> Int? {
        guard let score, !loweredGivenScore.isEmpty else { return mark - 2 }
        return loweredGivenScore.indices.contains(score) ? score : nil
    }

    /// Whether a work enters the comparison: both marks between 2 and 5.
    private static func compared(_ vpr: Int8, _ journal: Int8) -> Bool { (2...5).contains(vpr) && (2...5).contains(journal) }

    /// The region's unadjusted rates for one work, and its positions for the level terms.
    private func rates(mark m: Int, journal j: Int, score: Int?) -> BaseRates {
        var rates = BaseRates(confirmed: confirmedGivenJournal[j - 2], raised: raisedGivenJournal[j - 2], lowered: 0, gap: 0,
                              journalPosition: Double(j) - 3.5, scorePosition: Double(m) - 3.5)
        if let score, !loweredGivenScore.isEmpty {
            let s = min(max(0, score), loweredGivenScore.count - 1)
            rates.lowered = loweredGivenScore[s]
            rates.gap = gapGivenScore[s]
            rates.scorePosition = (Double(score) - scoreCentre) / scoreSpread
        } else {
            rates.lowered = loweredGivenMark[m - 2]
            rates.gap = gapGivenMark[m - 2]
        }
        return rates
    }

    /// A work's region rates before the level adjustment.
    private struct BaseRates {
        var confirmed: Double, raised: Double, lowered: Double, gap: Double
        /// Journal mark − 3.5, and the standardised score (or ВПР mark − 3.5 without scores).
        var journalPosition: Double, scorePosition: Double
    }

    /// The sitting's compared works, gathered once to fit the four adjustments, as groups
    /// of works that share every covariate of a fit: a unit's works with the same journal
    /// mark for `confirmed` and `raised`, with the same score (or mark) for `lowered` and
    /// `largeGaps`. A fit reads each group once with its counts — the same likelihood as
    /// one row per work, over several times fewer rows (a national sitting compares 1.4
    /// million works; the fits over them were 2 % of a national scan).
    private struct Groups {
        /// Groups of one side: two rates, their counts of outcomes, the position and level.
        struct Side {
            var firstRate: [Double] = [], secondRate: [Double] = []
            var firstCount: [Double] = [], secondCount: [Double] = []
            var trials: [Double] = [], position: [Double] = [], level: [Double] = []
            /// The group of each condition in the current unit, or −1.
            var slots: [Int]
            var touched: [Int] = []

            init(conditions: Int) { slots = [Int](repeating: -1, count: conditions) }

            /// Counts a work into its condition's group of the current unit (a new group
            /// if it has none, or if `condition` is nil).
            mutating func add(condition: Int?, rates: (Double, Double), outcomes: (Bool, Bool), position: Double, level: Double) {
                var group = condition.map { slots[$0] } ?? -1
                if group < 0 {
                    group = trials.count
                    firstRate.append(rates.0); secondRate.append(rates.1)
                    firstCount.append(0); secondCount.append(0); trials.append(0)
                    self.position.append(position); self.level.append(level)
                    if let condition { slots[condition] = group; touched.append(condition) }
                }
                trials[group] += 1
                if outcomes.0 { firstCount[group] += 1 }
                if outcomes.1 { secondCount[group] += 1 }
            }

            /// A new unit: no condition has a group yet.
            mutating func newUnit() {
                for condition in touched { slots[condition] = -1 }
                touched.removeAll(keepingCapacity: true)
            }

            /// The adjustments of the first and the second rate.
            func fits() -> (LevelAdjustedRate, LevelAdjustedRate) {
                (LevelAdjustedRate(successes: firstCount, trials: trials, base: firstRate, level: level, position: position),
                 LevelAdjustedRate(successes: secondCount, trials: trials, base: secondRate, level: level, position: position))
            }
        }

        var byJournal = Side(conditions: 4)
        var byScore: Side
        private var currentLevel: Level?

        init(conditionsByScore: Int) { byScore = Side(conditions: conditionsByScore) }

        /// - Parameter scoreCondition: the score (or the mark − 2 without scores) that the
        ///   score-side rates and position depend on; nil for a group of its own.
        mutating func add(_ rate: BaseRates, level: Level, mark: Int, journal: Int, scoreCondition: Int?) {
            // A unit's works are consecutive and share its level: a new level is a new unit
            // (two neighbouring units at the very same level may share groups, which their
            // equal covariates allow).
            if level != currentLevel {
                byJournal.newUnit()
                byScore.newUnit()
                currentLevel = level
            }
            byJournal.add(condition: journal - 2, rates: (rate.confirmed, rate.raised), outcomes: (journal == mark, mark > journal),
                          position: rate.journalPosition, level: level.vprSide)
            byScore.add(condition: scoreCondition, rates: (rate.lowered, rate.gap), outcomes: (journal > mark, journal - mark >= 2),
                        position: rate.scorePosition, level: level.journalSide)
        }
    }
}
