/// `threshold_peak` for one unit: are there more works exactly on a mark cut than a school
/// of this unit's own level would have?
///
/// Null hypothesis: the unit's scores follow the region's smooth (bunching-free) score
/// shape, tilted to the unit's level — f(s) ∝ region(s) · exp(λ s), with λ fitted to the
/// unit's works outside every cut's window, so that a strong school is compared with
/// strong schools and not with the region's mean. Given the number of the unit's works in
/// the window [cut − lowerWindow, cut], the number on the cut is binomial with
/// p = f(cut) / f(window). The test is the exact one-sided binomial tail P(X ≥ observed)
/// (R `binom.test(k, n, p, alternative = "greater")`, SciPy `binom.sf(k − 1, n, p)`).
/// Effect: the excess share of the unit's works sitting on the cut, (k − n p) / works.
public struct ThresholdPeakTest: Sendable {
    /// The region's expected score distribution without bunching, per score, any scale.
    public let regionShape: [Double]
    /// The cuts (lowest scores of the marks 3, 4, 5) to test.
    public let cuts: [Int]
    /// Scores below each cut whose works may have been raised onto it.
    public let lowerWindow: Int

    public init(regionShape: [Double], cuts: [Int], lowerWindow: Int = 2) {
        precondition(regionShape.allSatisfy { $0 >= 0 }, "a shape of non-negative weights")
        self.regionShape = regionShape
        self.cuts = cuts.filter { $0 - lowerWindow >= 0 && $0 < regionShape.count }
        self.lowerWindow = lowerWindow
    }

    /// Units smaller than this are tested but carry a caveat (ФИОКО: under 20 works a
    /// histogram says little).
    public static let smallUnit = 20

    /// One result per cut, in the order of `cuts`.
    /// - Parameter counts: the unit's works per primary score (same length as the shape).
    public func test(counts: [Int]) -> [HypothesisTestResult] {
        precondition(counts.count == regionShape.count, "one count per score")
        let works = counts.reduce(0, +)
        let weights = tiltedShape(counts: counts).weights
        return cuts.map { cut in
            let window = (cut - lowerWindow)...cut
            let inWindow = window.reduce(0) { $0 + counts[$1] }
            let windowWeight = window.reduce(0.0) { $0 + weights[$1] }
            let p = windowWeight > 0 ? weights[cut] / windowWeight : 0
            let k = counts[cut]
            var caveats = SmallUnitCaveat.caveats(works)
            if inWindow == 0 { caveats.append("no works near the cut") }
            let pValue = inWindow == 0 ? 1 : BinomialDistribution(trials: inWindow, probability: min(1, max(0, p))).probability(atLeast: k)
            return HypothesisTestResult(
                statistic: Double(k), parameter: Double(inWindow), pValue: pValue,
                estimate: works > 0 ? (Double(k) - Double(inWindow) * p) / Double(works) : 0,
                method: Self.perCutMethod,
                alternative: .greater, caveats: caveats)
        }
    }

    /// The region's shape tilted to the unit's level (unnormalised weights), with the tilt.
    public func tiltedShape(counts: [Int]) -> (tilt: Double, weights: [Double]) {
        let tilt = fittedTilt(counts: counts)
        return (tilt, TiltedShape.weights(regionShape: regionShape, tilt: tilt))
    }

    /// The unit's level as a tilt of the region's shape (logits per point), fitted over the
    /// scores outside every cut's window (``TiltedShape``).
    public func fittedTilt(counts: [Int]) -> Double {
        let cuts = self.cuts, lowerWindow = self.lowerWindow
        return TiltedShape.fittedTilt(regionShape: regionShape, counts: counts) { s in
            cuts.contains { ($0 - lowerWindow)...$0 ~= s }
        }
    }

    // Constant methods: a string formatted per unit (with its tilt) would be kept for every
    // unit of the country; the cuts and the window are the test's own properties.
    static let perCutMethod = "exact binomial test of works on the cut among scores up to lowerWindow below it, region shape tilted to the unit's level; estimate: excess share of the unit's works on the cut"
    static let pooledMethod = "exact Poisson-binomial test of works on the cuts among scores up to lowerWindow below each, region shape tilted to the unit's level; estimate: excess share of the unit's works on the cuts"

    /// All cuts at once: works on any cut among the works in any cut's window, each with
    /// its own cut's probability — an exact Poisson-binomial tail. Nudging usually lifts
    /// works at every cut; pooling them is more powerful for a small unit than the
    /// smallest of three p-values. Effect: excess share of the unit's works on the cuts.
    public func pooledTest(counts: [Int]) -> HypothesisTestResult {
        pooledTest(counts: counts, shape: tiltedShape(counts: counts).weights)
    }

    /// ``pooledTest(counts:)`` against `shape`, the unit's ``tiltedShape(counts:)`` weights
    /// already fitted (the `distribution` test uses the same shape, and fitting the tilt
    /// twice was the costlier half of both tests).
    public func pooledTest(counts: [Int], shape weights: [Double]) -> HypothesisTestResult {
        let works = counts.reduce(0, +)
        var probabilities: [Double] = []
        var k = 0
        for cut in cuts {
            let window = (cut - lowerWindow)...cut
            let windowWeight = window.reduce(0.0) { $0 + weights[$1] }
            let p = windowWeight > 0 ? weights[cut] / windowWeight : 0
            let inWindow = window.reduce(0) { $0 + counts[$1] }
            probabilities.append(contentsOf: repeatElement(p, count: inWindow))
            k += counts[cut]
        }
        let distribution = PoissonBinomialDistribution(probabilities: probabilities)
        let variance = probabilities.reduce(0) { $0 + $1 * (1 - $1) }
        var caveats = SmallUnitCaveat.caveats(works)
        if probabilities.isEmpty { caveats.append("no works near the cuts") }
        return HypothesisTestResult(
            statistic: Double(k), parameter: Double(probabilities.count),
            pValue: probabilities.isEmpty ? 1 : distribution.probability(atLeast: k),
            estimate: works > 0 ? (Double(k) - distribution.mean) / Double(works) : 0,
            method: Self.pooledMethod,
            alternative: .greater, standardized: variance > 0 ? (Double(k) - distribution.mean) / variance.squareRoot() : nil,
            caveats: caveats)
    }
}
