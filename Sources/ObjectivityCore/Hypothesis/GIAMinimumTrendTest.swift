/// `gia_minimum_trend`: did a school's participants at the minimum passing score rise from
/// its previous year more than the two years' levels explain?
///
/// Each year, of the m participants in the two bands around the minimum
/// (``GIAMinimumShareTest``), k are in the band at the minimum: k ~ B(m, q) with
/// logit q = logit p + δ, where p is what the school's level predicts that year and δ the
/// school's own excess, the same in both years under the null. Conditioning on the two
/// years' total removes δ, so the current year's k follows Fisher's noncentral
/// hypergeometric distribution with ω = odds(p₁) / odds(p₀)
/// (``FisherNoncentralHypergeometric``); the test is the exact one-sided tail P(K₁ ≥ k₁).
/// Estimate: the change in the excess share of all participants at the minimum,
/// (k₁ − m₁p₁)/n₁ − (k₀ − m₀p₀)/n₀, with its binomial standard error in the detail; over
/// three or more years the detail also carries that excess's weighted least-squares slope
/// per year and its error.
public enum GIAMinimumTrendTest {
    /// One year of a school's results around the minimum.
    public struct YearShare: Sendable, Equatable {
        public var year: Int
        /// Participants in the band at the minimum (k).
        public var above: Int
        /// Participants in both bands (m).
        public var nearMinimum: Int
        /// All participants (n).
        public var participants: Int
        /// The probability that a participant near the minimum is at it, at the school's level (p).
        public var localProbability: Double

        public init(year: Int, above: Int, nearMinimum: Int, participants: Int, localProbability: Double) {
            self.year = year
            self.above = above
            self.nearMinimum = nearMinimum
            self.participants = participants
            self.localProbability = localProbability
        }

        var p: Double { min(1 - 1e-9, max(1e-9, localProbability)) }
        /// Excess share of all participants at the minimum.
        var excess: Double { (Double(above) - Double(nearMinimum) * localProbability) / Double(participants) }
        var variance: Double { Double(nearMinimum) * p * (1 - p) / (Double(participants) * Double(participants)) }
    }

    /// The result and its detail (`previous_year`, `share`, `previous_share`, `change_se`,
    /// `years`, and with three or more years `trend_per_year`, `trend_se`), or nil when
    /// there is no earlier year with participants near the minimum.
    /// - Parameter earlier: the school's earlier years in the same exam and subject, any order.
    public static func test(current: YearShare, earlier: [YearShare]) -> (test: HypothesisTestResult, detail: [String: Double])? {
        let history = earlier.filter { $0.year < current.year && $0.participants > 0 }.sorted { $0.year < $1.year }
        guard let previous = history.last, current.participants > 0, current.nearMinimum + previous.nearMinimum > 0 else { return nil }
        let odds = (current.p / (1 - current.p)) / (previous.p / (1 - previous.p))
        let distribution = FisherNoncentralHypergeometric(first: current.nearMinimum, second: previous.nearMinimum,
                                                          total: current.above + previous.above, oddsRatio: odds)
        let variance = distribution.variance
        var caveats: [String] = []
        if min(current.participants, previous.participants) < ThresholdPeakTest.smallUnit {
            caveats.append("small unit: \(min(current.participants, previous.participants)) participants in one of the years")
        }
        let test = HypothesisTestResult(
            statistic: Double(current.above), parameter: Double(current.above + previous.above),
            pValue: distribution.probability(atLeast: current.above),
            estimate: current.excess - previous.excess, method: method, alternative: .greater,
            standardized: variance > 0 ? (Double(current.above) - distribution.mean) / variance.squareRoot() : nil,
            caveats: caveats)
        var detail: [String: Double] = [
            "previous_year": Double(previous.year),
            "share": rounded(Double(current.above) / Double(current.participants)),
            "previous_share": rounded(Double(previous.above) / Double(previous.participants)),
            "change_se": rounded((current.variance + previous.variance).squareRoot()),
            "years": Double(history.count + 1),
        ]
        if let trend = slope(history + [current]) {
            detail["trend_per_year"] = rounded(trend.slope)
            detail["trend_se"] = rounded(trend.standardError)
        }
        return (test, detail)
    }

    /// Weighted least-squares slope of the excess share on the year (weights: inverse
    /// binomial variances), with its standard error; nil below three years with
    /// participants near the minimum.
    static func slope(_ all: [YearShare]) -> (slope: Double, standardError: Double)? {
        let years = all.filter { $0.variance > 0 }
        guard years.count >= 3 else { return nil }
        let weights = years.map { 1 / $0.variance }
        let total = weights.reduce(0, +)
        let meanYear = zip(years, weights).reduce(0) { $0 + Double($1.0.year) * $1.1 } / total
        let meanExcess = zip(years, weights).reduce(0) { $0 + $1.0.excess * $1.1 } / total
        var sxx = 0.0, sxy = 0.0
        for (y, w) in zip(years, weights) {
            sxx += w * (Double(y.year) - meanYear) * (Double(y.year) - meanYear)
            sxy += w * (Double(y.year) - meanYear) * (y.excess - meanExcess)
        }
        guard sxx > 0 else { return nil }
        return (sxy / sxx, (1 / sxx).squareRoot())
    }

    private static func rounded(_ x: Double) -> Double { (x * 10_000).rounded() / 10_000 }

    static let method = "exact conditional test (Fisher's noncentral hypergeometric) of the rise in participants at the minimum among those near it, from the previous year, odds ratio from the two years' levels; estimate: change in the excess share of all participants at the minimum"
}
