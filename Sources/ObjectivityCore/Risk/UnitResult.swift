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

    public init(sitting: SittingKey, school: String, works: Int, indicators: [IndicatorResult], riskScore: Double, riskLevel: RiskLevel) {
        self.sitting = sitting
        self.school = school
        self.works = works
        self.indicators = indicators
        self.riskScore = riskScore
        self.riskLevel = riskLevel
    }
}
