/// `gia_minimum_share` for one school, exam, subject and year: are more of its
/// participants at the minimum passing score than a school of its own level would have?
///
/// The minimum is the effective cut of the exam (``GIAMinimum``): the lowest primary score
/// that passes. "At the minimum" is the band of ``band`` scores from the cut up
/// ([cut, cut + band − 1]); "just below" is the band of as many scores under it. Null
/// hypothesis: the school's scores follow the region's score shape tilted to its level
/// (``TiltedShape``, λ fitted outside both bands). Given the m participants in the two
/// bands, the number k at the minimum is then binomial with p = f(above) / f(both bands):
/// a pupil brought over the line both fills the band above and empties the band below, so
/// this local comparison is far more powerful than the share of all participants, and it
/// does not depend on how many of the school's pupils are near the line at all. The test
/// is the exact one-sided tail P(X ≥ k) (R `pbinom(k − 1, m, p, lower.tail = FALSE)`).
/// Effect: the excess share of all the school's participants at the minimum, (k − m p)/n.
public struct GIAMinimumShareTest: Sendable {
    /// Width of each band in primary points: two, because a pupil one or two points short
    /// is the one a lenient marker or a helping hand brings over the line (the ВПР
    /// threshold indicator's window has the same width).
    public static let standardBand = 2

    /// The region's expected score distribution without bunching, per primary score.
    public let regionShape: [Double]
    /// The effective minimum passing primary score.
    public let cut: Int
    public let band: Int

    public init(regionShape: [Double], cut: Int, band: Int = GIAMinimumShareTest.standardBand) {
        precondition(band >= 1 && (0..<regionShape.count).contains(cut), "a cut on the scale and a band of at least one score")
        self.regionShape = regionShape
        self.cut = cut
        self.band = band
    }

    /// Scores of the band at the minimum, clipped to the scale.
    public var bandAbove: ClosedRange<Int> { cut...min(regionShape.count - 1, cut + band - 1) }
    /// Scores of the band just below the minimum, clipped to the scale (empty at a cut of 0).
    public var bandBelow: Range<Int> { max(0, cut - band)..<cut }

    /// What the test found in one school.
    public struct Outcome: Sendable, Equatable {
        public var test: HypothesisTestResult
        /// Participants in the band at the minimum, and as many as the level predicts.
        public var above: Int
        public var expectedAbove: Double
        /// Participants in the band just below, and as many as the level predicts.
        public var below: Int
        public var expectedBelow: Double
        /// Participants exactly on the minimum, and as many as the level predicts.
        public var onCut: Int
        public var expectedOnCut: Double
        public var participants: Int
        /// The probability that a participant in either band is in the band at the minimum,
        /// at the school's level: the null of the test.
        public var localProbability: Double

        /// Share of the participants at the minimum, 0…1.
        public var share: Double { participants > 0 ? Double(above) / Double(participants) : 0 }
        /// The share the school's level predicts, 0…1.
        public var expectedShare: Double { participants > 0 ? expectedAbove / Double(participants) : 0 }
    }

    /// - Parameter counts: the school's participants per primary score (same length as the shape).
    public func test(counts: [Int]) -> Outcome {
        precondition(counts.count == regionShape.count, "one count per score")
        let above = bandAbove, below = bandBelow
        let tilt = TiltedShape.fittedTilt(regionShape: regionShape, counts: counts) { below.contains($0) || above.contains($0) }
        let weights = TiltedShape.weights(regionShape: regionShape, tilt: tilt)
        let total = weights.reduce(0, +)
        let weightAbove = above.reduce(0.0) { $0 + weights[$1] }, weightBelow = below.reduce(0.0) { $0 + weights[$1] }
        let n = counts.reduce(0, +)
        let k = above.reduce(0) { $0 + counts[$1] }
        let m = k + below.reduce(0) { $0 + counts[$1] }
        let p = weightAbove + weightBelow > 0 ? min(1, weightAbove / (weightAbove + weightBelow)) : 1
        let variance = Double(m) * p * (1 - p)
        var caveats = SmallUnitCaveat.caveats(n, .participants)
        if m == 0 { caveats.append("no participants near the minimum") }
        let test = HypothesisTestResult(
            statistic: Double(k), parameter: Double(m),
            pValue: m == 0 ? 1 : BinomialDistribution(trials: m, probability: p).probability(atLeast: k),
            estimate: n > 0 ? (Double(k) - Double(m) * p) / Double(n) : 0,
            method: Self.method, alternative: .greater,
            standardized: variance > 0 ? (Double(k) - Double(m) * p) / variance.squareRoot() : nil,
            caveats: caveats)
        return Outcome(test: test, above: k, expectedAbove: total > 0 ? Double(n) * weightAbove / total : 0,
                       below: m - k, expectedBelow: total > 0 ? Double(n) * weightBelow / total : 0,
                       onCut: counts[cut], expectedOnCut: total > 0 ? Double(n) * weights[cut] / total : 0,
                       participants: n, localProbability: p)
    }

    static let method = "exact binomial test of participants in the band at the minimum passing score among those in it and in the band just below, region shape tilted to the school's level outside the bands; estimate: excess share of all participants at the minimum"
}
