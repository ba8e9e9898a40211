/// The one result shape of every statistical test in the core, after R's `htest`.
public struct HypothesisTestResult: Sendable, Equatable {
    /// The direction of the alternative hypothesis.
    public enum Alternative: String, Sendable, Equatable {
        case greater, less, twoSided = "two.sided"
    }

    /// The test statistic (its meaning is in `method`).
    public var statistic: Double
    /// The parameter of the null distribution (trials, degrees of freedom), if any.
    public var parameter: Double?
    /// p-value, 0…1.
    public var pValue: Double
    /// Effect size in units a person reads (stated in `method`).
    public var estimate: Double
    /// What was tested, how, and the unit of `estimate`.
    public var method: String
    public var alternative: Alternative
    /// The statistic standardised under the null, (observed − expected) / sd, when the test
    /// has one; used to calibrate a family of tests against its empirical null.
    public var standardized: Double?
    /// Why the result is weak or degenerate (a tiny unit, no works near the cut), in English
    /// for logs; explanations for people are written from them elsewhere.
    public var caveats: [String]

    public init(statistic: Double, parameter: Double?, pValue: Double, estimate: Double, method: String,
                alternative: Alternative, standardized: Double? = nil, caveats: [String] = []) {
        self.statistic = statistic
        self.parameter = parameter
        self.pValue = pValue
        self.estimate = estimate
        self.method = method
        self.alternative = alternative
        self.standardized = standardized
        self.caveats = caveats
    }
}
