public import ObjectivityCore

/// One line of `units.jsonl` (every unit) or `alerts.jsonl` (units at `medium` and
/// `high`, with a Russian explanation), as FORMATS.md §5 defines them.
public struct UnitRecord: Codable, Sendable, Equatable {
    public var school: String
    /// The assessment: `ВПР`, or the ГИА exam (`ОГЭ`, `ЕГЭ`, `ГВЭ`); part of the unit's key.
    public var exam: String
    public var year: Int
    public var subject: String
    public var grade: Int
    public var n: Int
    public var riskScore: Double
    public var riskLevel: RiskLevel
    public var indicators: [IndicatorRecord]
    /// Present when the school showed signs in earlier years: those years and the prior
    /// weight they gave in the weighted multiplicity correction.
    public var earlierFlaggedYears: [Int]?
    public var priorWeight: Double?
    /// Present in `alerts.jsonl` only: what a person reads.
    public var explanation: String?

    enum CodingKeys: String, CodingKey {
        case school, exam, year, subject, grade, n, indicators, explanation
        case riskScore = "risk_score", riskLevel = "risk_level"
        case earlierFlaggedYears = "earlier_flagged_years", priorWeight = "prior_weight"
    }

    public init(_ unit: UnitResult, explanation: String? = nil) {
        school = unit.school
        exam = unit.sitting.assessment
        year = unit.sitting.year
        subject = unit.sitting.subject
        grade = unit.sitting.grade
        n = unit.works
        riskScore = Self.riskScore(unit)
        riskLevel = unit.riskLevel
        indicators = unit.indicators.map { IndicatorRecord($0) }
        earlierFlaggedYears = unit.earlierFlaggedYears.isEmpty ? nil : unit.earlierFlaggedYears
        priorWeight = Self.priorWeight(unit)
        self.explanation = explanation
    }

    /// The risk score as written: four decimals.
    static func riskScore(_ unit: UnitResult) -> Double { (unit.riskScore * 10_000).rounded() / 10_000 }

    /// The prior weight as written (three decimals), nil when it is 1.
    static func priorWeight(_ unit: UnitResult) -> Double? {
        unit.priorWeight == 1 ? nil : (unit.priorWeight * 1000).rounded() / 1000
    }
}
