public import ObjectivityCore

/// The region-level bunching at one mark cut, as a line of `sittings.jsonl` carries it.
public struct CutBunchingRecord: Codable, Sendable, Equatable {
    /// The mark whose lowest score the cut is (3, 4 or 5).
    public var mark: Int
    /// The cut: lowest primary score earning `mark`.
    public var cut: Int
    /// Works on the cut (and the upper window).
    public var observed: Double
    /// Works a smooth distribution would put there.
    public var counterfactual: Double
    /// Observed minus counterfactual, works.
    public var excessMass: Double
    /// Counterfactual minus observed just below the cut, works.
    public var missingMass: Double
    /// Bootstrap standard error of the excess, works.
    public var standardError: Double
    /// Excess / counterfactual (Kleven's b).
    public var relativeExcess: Double
    /// Excess as a share of all the sitting's works.
    public var excessShare: Double
    /// Excess in standard errors.
    public var z: Double
    public var lowerWindow: Int
    public var upperWindow: Int
    /// Whether the missing mass balanced the excess (the window rule's constraint).
    public var windowBalanced: Bool

    enum CodingKeys: String, CodingKey {
        case mark, cut, observed, counterfactual, z
        case excessMass = "excess_mass", missingMass = "missing_mass", standardError = "standard_error"
        case relativeExcess = "relative_excess", excessShare = "excess_share"
        case lowerWindow = "lower_window", upperWindow = "upper_window", windowBalanced = "window_balanced"
    }

    public init(mark: Int, estimate e: BunchingEstimate) {
        self.mark = mark
        cut = e.cut
        observed = e.observed
        counterfactual = (e.counterfactual * 100).rounded() / 100
        excessMass = (e.excessMass * 100).rounded() / 100
        missingMass = (e.missingMass * 100).rounded() / 100
        standardError = (e.standardError * 100).rounded() / 100
        relativeExcess = (e.relativeExcess * 10_000).rounded() / 10_000
        excessShare = (e.excessShare * 1_000_000).rounded() / 1_000_000
        z = (e.zScore * 100).rounded() / 100
        lowerWindow = e.lowerWindow
        upperWindow = e.upperWindow
        windowBalanced = e.windowBalanced
    }
}
