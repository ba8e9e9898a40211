/// The one result shape of every statistical test in the core, after R's `htest`.
public struct HypothesisTestResult: Sendable, Equatable {
    /// The direction of the alternative hypothesis.
    public enum Alternative: String, Sendable, Equatable {
        case greater, less, twoSided = "two.sided"
    }

    /// The test statistic (its meaning is in `method`).
    public var statistic: Double
    /// The parameter of the null distribution (trials, degrees of freedom), if any.
    public var parameter: Double? {
        get { Self.optional(parameterValue) }
        set { parameterValue = newValue ?? Self.absent }
    }
    /// p-value, 0…1.
    public var pValue: Double
    /// Effect size in units a person reads (stated in `method`).
    public var estimate: Double
    /// The statistic standardised under the null, (observed − expected) / sd, when the test
    /// has one; used to calibrate a family of tests against its empirical null.
    public var standardized: Double? {
        get { Self.optional(standardizedValue) }
        set { standardizedValue = newValue ?? Self.absent }
    }
    /// What was tested, how, and the unit of `estimate`.
    public var method: String
    /// Why the result is weak or degenerate (a tiny unit, no works near the cut), in English
    /// for logs; explanations for people are written from them elsewhere.
    public var caveats: [String]
    /// ``parameter`` and ``standardized`` as plain doubles, ``absent`` for none: a `Double?`
    /// takes sixteen bytes, and a country's analysis holds some fifteen million results
    /// (65 bytes each this way, 88 with optionals). Stored properties are laid out in the
    /// order declared: ``alternative`` comes last, so that the holder's next small field
    /// fits in the padding after it.
    private var parameterValue: Double
    private var standardizedValue: Double
    public var alternative: Alternative

    /// A NaN with a payload no arithmetic produces: the stored "none".
    private static let absent = Double(nan: 0x0BAD, signaling: false)

    private static func optional(_ value: Double) -> Double? {
        value.bitPattern == absent.bitPattern ? nil : value
    }

    public init(statistic: Double, parameter: Double?, pValue: Double, estimate: Double, method: String,
                alternative: Alternative, standardized: Double? = nil, caveats: [String] = []) {
        self.statistic = statistic
        self.parameterValue = parameter ?? Self.absent
        self.pValue = pValue
        self.estimate = estimate
        self.method = method
        self.alternative = alternative
        self.standardizedValue = standardized ?? Self.absent
        self.caveats = caveats
    }

    public static func == (lhs: HypothesisTestResult, rhs: HypothesisTestResult) -> Bool {
        lhs.statistic == rhs.statistic && lhs.parameter == rhs.parameter && lhs.pValue == rhs.pValue
            && lhs.estimate == rhs.estimate && lhs.standardized == rhs.standardized && lhs.method == rhs.method
            && lhs.caveats == rhs.caveats && lhs.alternative == rhs.alternative
    }
}
