#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// `answer_similarity`: works of one unit that agree task by task more often than their
/// own scores and the region's tasks predict — the trace of answers dictated or passed
/// round during the test (shared slips included), or of works written from one key.
///
/// Model. Each work's response to a task is one of the task's categories (not attempted,
/// 0 … maximum points); the region gives P(category | the work's primary score) per task,
/// pooled over neighbouring scores until at least ``minimumPool`` works back each score.
/// Two works match on task k when they fall in the same category, with probability
/// e_k = Σ_c p_ic·p_jc given their scores, tasks independent. Everything expected of a
/// pair depends only on the two primary scores, so it is tabulated once per sitting for
/// every pair of scores; one-hot rows X give every pair's observed matches at once as the
/// Gram matrix O = XXᵀ by `cblas_dsyrk`, and Swift only scans it. Two directions:
///
/// - `near_identical`: pairs that differ on at most one task. Observed N against the
///   expected μ = Σ_pairs P(at most one mismatch) = Σ Π_k e_k·(1 + Σ_k (1 − e_k)/e_k);
///   p = Poisson tail P(X ≥ N; μ), z = (N − μ)/√μ calibrated by the sitting's empirical
///   null (identical pairs cluster: a group of g identical works makes g(g − 1)/2 pairs).
///   Catches a whole group handing in one key even when the key is nearly perfect.
/// - `shared_slips`: the most similar pair by a likelihood ratio of copying, ω-type:
///   copying at rate γ = ``copyingRate`` against independence — a match on category c
///   weighs ln((γ + (1 − γ)·m_c)/m_c) with m_c = √(p_ic·p_jc), so a shared slip the scores
///   make unlikely counts far more than a shared full score; a mismatch weighs ln(1 − γ).
///   The pair's p-value is the exact tail of that sum (the tasks' weight distributions
///   convolved on a lattice of ``latticeStep`` nats); the unit's is Bonferroni over all
///   pairs, n(n − 1)/2 × the smallest (as is usual for pairwise copying indices).
///
/// Groups of near-identical works, listed by participant code: pairs significant in
/// `shared_slips` after the Bonferroni adjustment, and — when the unit's `near_identical`
/// tail is below ``groupAlpha`` — components of near-identical pairs whose own count has a
/// Poisson tail below ``groupAlpha`` against the expected within the component. Effect of both directions: the share of the unit's works
/// in such groups.
public struct AnswerSimilarityTest: Sendable {
    public static let minimumPool = 30
    /// Candidates for `shared_slips` differ on at most this share of the tasks.
    public static let candidateMismatchShare = 0.3
    public static let pairAlpha = 0.05
    /// A component of near-identical pairs is listed as a group below this tail.
    public static let groupAlpha = 0.001
    /// γ of the likelihood ratio: the share of tasks a copier takes from the source.
    public static let copyingRate = 0.5
    /// Lattice of the exact tail, nats.
    public static let latticeStep = 0.1
    /// Match probabilities below this are taken at it: one shared slip weighs at most ln 25.
    public static let smallestMatchProbability = 0.02
    /// Pairs whose ratio is not this many standard deviations short of the normal quantile
    /// of ``pairAlpha`` / pairs are not convolved (the ratio is right-skewed: its true tail
    /// at a given z is heavier than the normal one, hence the margin).
    public static let screeningMargin = 1.0
    /// Fewer works than this are not compared.
    public static let minimumWorks = 3

    /// Per task: its first column in a one-hot row and its category count (maximum + 2).
    private let blocks: [Range<Int>]
    private let width: Int
    /// By primary score: the category probabilities of every task, one row of `width`.
    private let probabilities: [[Double]]
    /// Primary scores 0…`scoreCount` − 1 have a row in the tables.
    private let scoreCount: Int
    /// What is expected of two works with scores a and b, at index a·`scoreCount` + b.
    private let expectations: [PairExpectation]
    /// `expectations`' chance of at most one mismatch, alone: what every pair reads.
    private let nearChances: [Double]
    /// The lattice weight of a match on each category for two works with scores a and b,
    /// at index (a·`scoreCount` + b)·`width` + column.
    private let matchWeightTable: [Int16]

    /// The expectations of one pair of primary scores under independence.
    private struct PairExpectation {
        /// Π_k e_k: the chance that the two works agree on every task.
        var allMatch = 1.0
        /// Σ_k (1 − e_k)/e_k: with `allMatch`, the chance of exactly one mismatch.
        var mismatchRatios = 0.0
        /// The chance that the two works differ on at most one task (capped at 1).
        var nearIdentical: Double { min(1, allMatch * (1 + mismatchRatios)) }
        /// Mean and variance of the copying ratio (lattice steps).
        var ratioMean = 0.0
        var ratioVariance = 0.0
    }

    public struct Result: Sendable {
        public var nearIdentical: HypothesisTestResult
        public var sharedSlips: HypothesisTestResult
        /// Near-identical pairs expected under independence given the scores.
        public var expectedNearIdentical: Double
        /// Groups of near-identical works, as rows of the sitting, each sorted, largest first.
        public var groups: [[Int]]
    }

    public init(sitting: Sitting) {
        var blocks: [Range<Int>] = [], start = 0
        for task in sitting.tasks {
            blocks.append(start..<(start + task.maxScore + 2))
            start += task.maxScore + 2
        }
        self.blocks = blocks
        width = start
        let top = Int(sitting.works.primaryScore.max() ?? 0)
        var counts = [[Double]](repeating: [Double](repeating: 0, count: start), count: top + 1)
        var works = [Double](repeating: 0, count: top + 1)
        for w in 0..<sitting.works.primaryScore.count {
            let s = Int(sitting.works.primaryScore[w])
            guard s >= 0 else { continue }
            works[s] += 1
            for (k, score) in sitting.works.taskScores(ofWork: w).enumerated() {
                counts[s][Self.column(score, in: blocks[k])] += 1
            }
        }
        let probabilities = (0...top).map { s in
            var pooled = [Double](repeating: 0, count: start), n = 0.0, radius = 0
            while n < Double(Self.minimumPool), radius <= top {
                for c in Set([s - radius, s + radius]) where (0...top).contains(c) {
                    n += works[c]
                    for i in 0..<start { pooled[i] += counts[c][i] }
                }
                radius += 1
            }
            // Half a work spread over each task's categories keeps every probability off 0.
            for block in blocks {
                let total = block.reduce(0.0) { $0 + pooled[$1] } + 0.5
                for i in block { pooled[i] = (pooled[i] + 0.5 / Double(block.count)) / total }
            }
            return pooled
        }
        self.probabilities = probabilities
        scoreCount = top + 1
        (expectations, matchWeightTable) = Self.tabulate(probabilities, blocks: blocks, width: start)
        nearChances = expectations.map(\.nearIdentical)
    }

    /// The pair tables: for every pair of primary scores, the expectations and the match
    /// weights (symmetric; each pair computed once).
    private static func tabulate(_ probabilities: [[Double]], blocks: [Range<Int>], width: Int) -> ([PairExpectation], [Int16]) {
        let count = probabilities.count, mismatch = Double(mismatchWeight)
        var expectations = [PairExpectation](repeating: PairExpectation(), count: count * count)
        var weights = [Int16](repeating: 0, count: count * count * width)
        let logs = probabilities.map { $0.map { log($0) } }
        for a in 0..<count {
            for b in a..<count {
                var pair = PairExpectation()
                for block in blocks {
                    var matchTotal = 0.0, m1 = 0.0, m2 = 0.0
                    for c in block {
                        let q = probabilities[a][c] * probabilities[b][c]
                        let weight = matchWeight(logs[a][c] + logs[b][c])
                        weights[(a * count + b) * width + c] = Int16(weight)
                        weights[(b * count + a) * width + c] = Int16(weight)
                        m1 += Double(weight) * q
                        m2 += Double(weight * weight) * q
                        matchTotal += q
                    }
                    let e = max(1e-12, matchTotal)
                    pair.allMatch *= e
                    pair.mismatchRatios += (1 - e) / e
                    let rest = max(0, 1 - matchTotal)
                    m1 += mismatch * rest
                    m2 += mismatch * mismatch * rest
                    pair.ratioMean += m1
                    pair.ratioVariance += max(0, m2 - m1 * m1)
                }
                expectations[a * count + b] = pair
                expectations[b * count + a] = pair
            }
        }
        return (expectations, weights)
    }

    /// The category column of a task score (not attempted first).
    private static func column(_ score: Int8, in block: Range<Int>) -> Int {
        score < 0 ? block.lowerBound : min(block.upperBound - 1, block.lowerBound + 1 + Int(score))
    }

    /// The test for the works in `rows` (one unit).
    public func test(sitting: Sitting, rows: Range<Int>) -> Result {
        let n = rows.count, tasks = blocks.count
        guard n >= Self.minimumWorks, tasks > 0, width > 0 else {
            let none = HypothesisTestResult(statistic: 0, parameter: 0, pValue: 1, estimate: 0, method: Self.slipsMethod,
                                            alternative: .greater, caveats: ["fewer than \(Self.minimumWorks) works: not compared"])
            return Result(nearIdentical: none, sharedSlips: none, expectedNearIdentical: 0, groups: [])
        }
        var observedRows = Matrix(rows: n, columns: width)
        var scores = [Int](repeating: 0, count: n), columns = [Int](repeating: 0, count: n * tasks)
        // Written through raw buffers: each task score of every work of a country passes
        // here, and each write into an array checked its bounds and uniqueness.
        let taskCount = sitting.works.taskCount
        blocks.withUnsafeBufferPointer { blocks in
            sitting.works.taskScores.withUnsafeBufferPointer { taskScores in
                columns.withUnsafeMutableBufferPointer { columns in
                    observedRows.elements.withUnsafeMutableBufferPointer { observed in
                        for (i, row) in rows.enumerated() {
                            scores[i] = min(max(0, Int(sitting.works.primaryScore[row])), scoreCount - 1)
                            for k in 0..<tasks {
                                let column = Self.column(taskScores[row * taskCount + k], in: blocks[k])
                                columns[i * tasks + k] = column
                                observed[i * width + column] = 1
                            }
                        }
                    }
                }
            }
        }
        let observed = observedRows.rowGram()
        var nearCount = 0, nearExpected = 0.0, nearEdges: [(Int, Int)] = []
        var smallest = 1.0, slipEdges: [(Int, Int)] = []
        let pairs = Double(n * (n - 1) / 2)
        let candidateMismatches = Double(tasks) * Self.candidateMismatchShare
        let screening = NormalDistribution().quantile(1 - Self.pairAlpha / pairs) - Self.screeningMargin
        var scratch = TailScratch(taskCount: tasks, width: width)
        // Every pair of every unit of a country passes here (some 600 million): the tables
        // are read through their buffers, with no bounds or overflow checks per pair.
        let nearChances = self.nearChances
        scores.withUnsafeBufferPointer { scores in
            columns.withUnsafeBufferPointer { columns in
                observed.elements.withUnsafeBufferPointer { observed in
                    nearChances.withUnsafeBufferPointer { nearChances in
                        for i in 0..<n {
                            let rowOfScores = scores[i] &* scoreCount
                            for j in (i &+ 1)..<n {
                                let mismatches = Double(tasks) - observed[i &* n &+ j]
                                nearExpected += nearChances[rowOfScores &+ scores[j]]
                                if mismatches <= 1.5 { nearCount += 1; nearEdges.append((i, j)) }
                                guard mismatches <= candidateMismatches else { continue }
                                let p = copyingTail(scores[i], scores[j], UnsafeBufferPointer(rebasing: columns[(i &* tasks)..<(i &* tasks &+ tasks)]),
                                                    UnsafeBufferPointer(rebasing: columns[(j &* tasks)..<(j &* tasks &+ tasks)]),
                                                    screening: screening, scratch: &scratch)
                                smallest = min(smallest, p)
                                if p * pairs <= Self.pairAlpha { slipEdges.append((i, j)) }
                            }
                        }
                    }
                }
            }
        }
        // Near-identical components listed when the unit holds far more such pairs than
        // expected, and the component itself does.
        var listedEdges = slipEdges
        let nearP = PoissonDistribution(mean: nearExpected).probability(atLeast: nearCount)
        for component in Self.components(nearP <= Self.groupAlpha ? nearEdges : [], count: n) where component.count >= 3 {
            var inside = 0, expectedInside = 0.0
            for (a, i) in component.enumerated() {
                for j in component[(a + 1)...] {
                    let expectation = expectations[scores[i] * scoreCount + scores[j]]
                    expectedInside += expectation.nearIdentical
                    if Double(tasks) - observed.elements[i * n + j] <= 1.5 { inside += 1 }
                }
            }
            if PoissonDistribution(mean: expectedInside).probability(atLeast: inside) <= Self.groupAlpha {
                listedEdges += nearEdges.filter { component.contains($0.0) }
            }
        }
        let groups = Self.components(listedEdges, count: n).map { $0.map { rows.lowerBound + $0 } }
        let share = Double(groups.reduce(0) { $0 + $1.count }) / Double(n)
        let caveats = SmallUnitCaveat.caveats(n)
        let z = (Double(nearCount) - nearExpected) / max(1e-9, nearExpected).squareRoot()
        return Result(
            nearIdentical: HypothesisTestResult(
                statistic: Double(nearCount), parameter: pairs, pValue: nearP,
                estimate: share, method: Self.nearMethod, alternative: .greater, standardized: z, caveats: caveats),
            sharedSlips: HypothesisTestResult(
                statistic: -log10(max(1e-300, smallest)), parameter: pairs, pValue: min(1, smallest * pairs),
                estimate: share, method: Self.slipsMethod, alternative: .greater, caveats: caveats),
            expectedNearIdentical: nearExpected, groups: groups)
    }

    private static let nearMethod = "pairs of the unit's works differing on at most one task against the expected from the region's P(response | primary score), Poisson tail, calibrated by the sitting's empirical null (Gram matrices by cblas_dsyrk); estimate: share of works in near-identical groups"

    private static let slipsMethod = "likelihood ratio of copying (γ = 0.5) between two of the unit's works against the region's P(response | primary score), exact tail for the most similar pair, Bonferroni over all pairs; statistic: −log10 of that pair's p; estimate: share of works in near-identical groups"

    /// Buffers of ``copyingTail``, made once per unit and reused by each of its pairs.
    private struct TailScratch {
        var highs: [Int], lows: [Int], maxAfter: [Int], minAfter: [Int]
        var distribution: [Double] = [], next: [Double] = []
        /// One task's outcomes: lattice offset and chance, in the order they are added.
        var offsets: [Int], chances: [Double]

        init(taskCount: Int, width: Int) {
            highs = [Int](repeating: 0, count: taskCount)
            lows = highs
            maxAfter = [Int](repeating: 0, count: taskCount + 1)
            minAfter = maxAfter
            offsets = [Int](repeating: 0, count: width + taskCount)
            chances = [Double](repeating: 0, count: width + taskCount)
        }
    }

    /// P(LR ≥ observed LR) for two works with primary scores `a` and `b` whose responses
    /// fall in the one-hot `columns` of each task; 1 for a pair whose standardised ratio is
    /// below `screening` (such a pair cannot carry a Bonferroni-significant tail, and the
    /// exact convolution is spent where it matters).
    private func copyingTail(_ a: Int, _ b: Int, _ columnsA: UnsafeBufferPointer<Int>, _ columnsB: UnsafeBufferPointer<Int>,
                             screening: Double, scratch: inout TailScratch) -> Double {
        let mismatch = Self.mismatchWeight
        let pairBase = (a &* scoreCount &+ b) &* width
        // Matches weigh what the table says, mismatches ln(1 − γ): selected, not branched on.
        let observedSum = matchWeightTable.withUnsafeBufferPointer { weights in
            var sum = 0
            for k in 0..<columnsA.count {
                let columnA = columnsA[k]
                let weight = Int(weights[pairBase &+ columnA])
                sum &+= columnA == columnsB[k] ? weight : mismatch
            }
            return sum
        }
        let expectation = expectations[a &* scoreCount &+ b]
        let mean = expectation.ratioMean, variance = expectation.ratioVariance
        guard variance > 0, (Double(observedSum) - mean) / variance.squareRoot() >= screening else { return 1 }
        // Each task's outcomes are a match on one of its categories (weight from the table,
        // probability P(a)·P(b)) or a mismatch. Everything below lives in the unit's
        // scratch buffers: this runs for every screened pair of every unit of a country.
        let taskCount = blocks.count
        for (k, block) in blocks.enumerated() {
            var high = mismatch, low = mismatch
            for c in block {
                let weight = Int(matchWeightTable[pairBase + c])
                high = max(high, weight)
                low = min(low, weight)
            }
            scratch.highs[k] = high
            scratch.lows[k] = low
        }
        // Convolution of the tasks, keeping only sums that may still end on either side of
        // the observed one: a sum that reaches it whatever follows is counted and dropped, a
        // sum that cannot reach it any more is dropped. Sums below
        // `observedSum − maxAfter` are dropped, sums from `observedSum − minAfter` reached,
        // the band between kept.
        scratch.maxAfter[taskCount] = 0
        scratch.minAfter[taskCount] = 0
        var capacity = 1
        for k in stride(from: taskCount - 1, through: 0, by: -1) {
            scratch.maxAfter[k] = scratch.maxAfter[k + 1] + scratch.highs[k]
            scratch.minAfter[k] = scratch.minAfter[k + 1] + scratch.lows[k]
            capacity += scratch.highs[k] - scratch.lows[k]
        }
        if scratch.distribution.count < capacity {
            scratch.distribution = [Double](repeating: 0, count: capacity)
            scratch.next = scratch.distribution
        }
        let pa = probabilities[a], pb = probabilities[b]
        return Self.convolve(blocks: blocks, pairBase: pairBase, pa: pa, pb: pb, weights: matchWeightTable,
                             observedSum: observedSum, scratch: &scratch)
    }

    /// The tail of ``copyingTail`` once its bounds are in `scratch`.
    ///
    /// Each task adds its outcomes to the running distribution one outcome at a time (a
    /// contiguous multiply-add over the kept band, which the compiler vectorises), the
    /// outcomes taken from the largest lattice offset to the smallest, ties in category
    /// order: every sum then receives its terms in the order of a loop over the band's
    /// sums, outcomes innermost — the same additions, bit for bit, at a fraction of the
    /// cost of scattering each sum into every outcome.
    private static func convolve(blocks: [Range<Int>], pairBase: Int, pa: [Double], pb: [Double], weights: [Int16],
                                 observedSum: Int, scratch: inout TailScratch) -> Double {
        let mismatch = mismatchWeight
        var length = 1, base = 0, reached = 0.0  // distribution[t] is the mass at sum base + t
        scratch.distribution[0] = 1
        for (k, block) in blocks.enumerated() {
            let low = scratch.lows[k]
            var outcomes = 0, matchTotal = 0.0
            for c in block {
                let q = pa[c] * pb[c]
                matchTotal += q
                scratch.offsets[outcomes] = Int(weights[pairBase + c]) - low
                scratch.chances[outcomes] = q
                outcomes += 1
            }
            scratch.offsets[outcomes] = mismatch - low
            scratch.chances[outcomes] = max(0, 1 - matchTotal)
            outcomes += 1
            // Insertion sort by offset, largest first, stable (a task has a handful of outcomes).
            for o in 1..<outcomes {
                let offset = scratch.offsets[o], chance = scratch.chances[o]
                var p = o
                while p > 0, scratch.offsets[p - 1] < offset {
                    scratch.offsets[p] = scratch.offsets[p - 1]
                    scratch.chances[p] = scratch.chances[p - 1]
                    p -= 1
                }
                scratch.offsets[p] = offset
                scratch.chances[p] = chance
            }
            let nextLength = length + scratch.highs[k] - low
            let band = length
            scratch.next.withUnsafeMutableBufferPointer { next in
                scratch.distribution.withUnsafeBufferPointer { distribution in
                    let nextBase = next.baseAddress!, source = distribution.baseAddress!
                    nextBase.update(repeating: 0, count: nextLength)
                    for o in 0..<outcomes {
                        let chance = scratch.chances[o]
                        // A zero chance adds +0 everywhere: nothing (masses are never negative).
                        guard chance > 0 else { continue }
                        let target = nextBase + scratch.offsets[o]
                        for t in 0..<band { target[t] += source[t] * chance }
                    }
                }
            }
            let nextSumBase = base + low
            let after = k + 1
            let reachedFrom = observedSum - scratch.minAfter[after], keptFrom = observedSum - scratch.maxAfter[after]
            // Positions from `reaching` on have reached whatever follows; those from `keeping`
            // to `reaching` may still go either way; those before `keeping` cannot reach.
            // The reached mass is added position by position, as a scan over all of them
            // would (zeros add nothing), and the kept band is cut to its first and last
            // mass and moved down as a block: over raw buffers, since this runs for every
            // exact tail of a country's pairs.
            let reaching = min(nextLength, max(0, reachedFrom - nextSumBase))
            let keeping = min(reaching, max(0, keptFrom - nextSumBase))
            var first = -1, last = -1
            scratch.next.withUnsafeMutableBufferPointer { next in
                for t in reaching..<nextLength { reached += next[t] }
                var t = keeping
                while t < reaching, !(next[t] > 0) { t += 1 }
                guard t < reaching else { return }
                first = t
                t = reaching - 1
                while !(next[t] > 0) { t -= 1 }
                last = t
                scratch.distribution.withUnsafeMutableBufferPointer { distribution in
                    distribution.baseAddress!.update(from: next.baseAddress! + first, count: last - first + 1)
                }
            }
            // Nothing left that could still decide: what has reached is the tail.
            guard first >= 0 else { return min(1, reached) }
            length = last - first + 1
            base = nextSumBase + first
        }
        return min(1, reached)
    }

    /// ln(1 − γ) in lattice steps: a mismatch.
    private static let mismatchWeight = Int((log(1 - copyingRate) / latticeStep).rounded())
    /// ln((γ + (1 − γ)·m) / m) in lattice steps by −ln m in steps of 0.005, from 0 to
    /// −ln ``smallestMatchProbability``: a match costs no logarithm.
    private static let matchWeights: [Int] = {
        let limit = -log(smallestMatchProbability)
        return (0...Int((limit / 0.005).rounded(.up))).map { index in
            let m = exp(-min(limit, Double(index) * 0.005))
            return Int((log((copyingRate + (1 - copyingRate) * m) / m) / latticeStep).rounded())
        }
    }()

    /// The lattice weight of a match whose probability has logarithm `logQ` (m = √q).
    private static func matchWeight(_ logQ: Double) -> Int {
        let index = Int((-0.5 * logQ / 0.005).rounded())
        return matchWeights[min(max(0, index), matchWeights.count - 1)]
    }

    /// Connected components of at least two works, each sorted, the largest first.
    private static func components(_ edges: [(Int, Int)], count: Int) -> [[Int]] {
        guard !edges.isEmpty else { return [] }
        var parent = Array(0..<count)
        func root(_ x: Int) -> Int {
            var x = x
            while parent[x] != x { parent[x] = parent[parent[x]]; x = parent[x] }
            return x
        }
        for (a, b) in edges { parent[root(a)] = root(b) }
        var members: [Int: [Int]] = [:]
        for (a, b) in edges { members[root(a), default: []].append(contentsOf: [a, b]) }
        return members.values.map { Array(Set($0)).sorted() }.sorted { ($0.count, $1.first ?? 0) > ($1.count, $0.first ?? 0) }
    }
}
