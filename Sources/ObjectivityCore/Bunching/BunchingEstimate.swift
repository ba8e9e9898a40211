/// The bunching at one cut of a score histogram (Kleven 2016 style excess mass).
public struct BunchingEstimate: Sendable, Equatable {
    /// Bin of the cut (the lowest score earning the higher mark).
    public var cut: Int
    /// Bins below the cut excluded from the fit (where nudged works came from).
    public var lowerWindow: Int
    /// Bins at and above the cut, beyond the cut itself, excluded from the fit.
    public var upperWindow: Int
    /// Whether the missing mass below reached the excess (the integration constraint);
    /// false when the widest lower window tried still falls short.
    public var windowBalanced: Bool
    /// Works observed in the upper window (the cut and `upperWindow` bins above it).
    public var observed: Double
    /// Works the smooth counterfactual predicts there.
    public var counterfactual: Double
    /// Observed minus counterfactual in the upper window, in works.
    public var excessMass: Double
    /// Counterfactual minus observed in the lower window, in works.
    public var missingMass: Double
    /// Bootstrap standard error of `excessMass`, in works.
    public var standardError: Double
    /// Number of works in the histogram.
    public var totalWorks: Double
    /// The counterfactual count of each bin from `cut − lowerWindow` to `cut + upperWindow`,
    /// in order: what the histogram would hold there without the threshold.
    public var windowCounterfactual: [Double]

    /// Excess relative to the counterfactual at the cut (Kleven's *b*): 1 means twice
    /// as many works on the cut as a smooth distribution would put there.
    public var relativeExcess: Double { counterfactual > 0 ? excessMass / counterfactual : 0 }

    /// Excess as a share of all works.
    public var excessShare: Double { totalWorks > 0 ? excessMass / totalWorks : 0 }

    /// Excess in standard errors.
    public var zScore: Double { standardError > 0 ? excessMass / standardError : 0 }
}
