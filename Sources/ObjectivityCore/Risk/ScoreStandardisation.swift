/// Primary scores in standard deviations of a sitting's works from their mean: the scale
/// levels are compared on within a sitting, across years and along a cohort.
///
/// Two numbers per sitting, so that a comparison across years can standardise the works
/// it looks at instead of holding a standardised copy of every work of the country
/// (29 million doubles at national size).
struct ScoreStandardisation: Sendable {
    /// Mean primary score of the sitting's works, points.
    let mean: Double
    /// Their standard deviation (n − 1), points; 1 when they do not vary.
    let spread: Double

    init(_ scores: [Int16]) {
        let n = Double(max(1, scores.count))
        let mean = scores.reduce(0.0) { $0 + Double($1) } / n
        let variance = scores.reduce(0.0) { $0 + (Double($1) - mean) * (Double($1) - mean) } / max(1, n - 1)
        self.mean = mean
        spread = variance > 0 ? variance.squareRoot() : 1
    }

    /// `score` in standard deviations from the mean.
    func z(_ score: Int16) -> Double { (Double(score) - mean) / spread }
}
