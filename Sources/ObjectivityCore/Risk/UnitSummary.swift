/// What the indicators across years need to know of a unit from its own sitting: its
/// level, its share of «2» and its journal's excess «Понизили», each on a scale that is
/// comparable between years although tests and scales change.
public struct UnitSummary: Sendable, Equatable {
    /// Mean primary score, in standard deviations of the sitting's works from their mean.
    public var level: Double
    /// Sampling variance of `level` (the unit's spread of standardised scores / works).
    public var levelVariance: Double
    /// Share of works with mark «2», 0…1.
    public var shareOfTwos: Double
    /// «Понизили» beyond what the region predicts for the same scores, per work with a
    /// journal mark (the `journal_discrepancy/lowered` effect), and its sampling variance.
    public var journalExcess: Double
    public var journalExcessVariance: Double

    public init(level: Double, levelVariance: Double, shareOfTwos: Double, journalExcess: Double, journalExcessVariance: Double) {
        self.level = level
        self.levelVariance = levelVariance
        self.shareOfTwos = shareOfTwos
        self.journalExcess = journalExcess
        self.journalExcessVariance = journalExcessVariance
    }

    /// A unit nothing is known of: it takes part in no comparison across years.
    public static let unknown = UnitSummary(level: 0, levelVariance: .infinity, shareOfTwos: 0, journalExcess: 0,
                                            journalExcessVariance: .infinity)
}
