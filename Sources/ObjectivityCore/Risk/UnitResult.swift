/// Everything the analysis says about one unit (school × year × subject × grade).
public struct UnitResult: Sendable, Equatable {
    public var sitting: SittingKey
    public var school: String
    /// Works of the unit.
    public var works: Int
    public var indicators: [IndicatorResult]
    /// 0…1, grows with the evidence (``RiskModel``).
    public var riskScore: Double
    public var riskLevel: RiskLevel
    /// The unit's level, «2» share and journal excess, for the comparisons across years.
    public var summary: UnitSummary = .unknown
    /// Weight of the unit's prior in the weighted Benjamini–Hochberg procedure (mean 1 over
    /// a sitting): above 1 for schools with signs in earlier years (``CrossYearAnalysis``).
    public var priorWeight = 1.0
    /// Earlier years in which the school's units reached `medium` or `high`.
    public var earlierFlaggedYears: [Int] = []

    public init(sitting: SittingKey, school: String, works: Int, indicators: [IndicatorResult], riskScore: Double, riskLevel: RiskLevel) {
        self.sitting = sitting
        self.school = school
        self.works = works
        self.indicators = indicators
        self.riskScore = riskScore
        self.riskLevel = riskLevel
    }
}
