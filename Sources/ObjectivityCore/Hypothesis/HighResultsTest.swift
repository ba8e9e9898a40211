/// `high_results` for one unit: results markedly above the region, judged against the
/// honest spread of school levels (``SchoolLevelModel``), with small units shrunk.
///
/// Official sign 1 exempts lyceums, gymnasiums and schools with advanced study of the
/// subject — but a label alone is no evidence. Here a selective school's z is reduced by
/// the z of its centrally marked ГИА in the same subject and year when that is above the
/// region too: the part of its ВПР advantage the ГИА confirms is not a sign. Without ГИА
/// results the label changes nothing. One-sided p = 1 − Φ(z).
/// Effect: the shrunken level minus the region's, in primary points.
public struct HighResultsTest: Sendable {
    public let model: SchoolLevelModel

    public init(model: SchoolLevelModel) { self.model = model }

    /// - Parameters:
    ///   - scores: the unit's primary scores.
    ///   - selective: lyceum, gymnasium or advanced study of the subject (registry).
    ///   - giaZ: the school's ГИА predictive z in the subject and year, if known.
    public func test(scores: ArraySlice<Int16>, selective: Bool, giaZ: Double?) -> HypothesisTestResult {
        var group = SchoolLevelModel.Group()
        for s in scores { group.add(Double(s)) }
        let z = model.z(average: group.average, count: group.count)
        var adjusted = z
        var caveats: [String] = []
        if selective {
            if let giaZ, giaZ > 0 {
                adjusted = z - min(giaZ, max(z, 0))
                caveats.append("selective school, ГИА level z = \(giaZ) confirms part of the result")
            } else {
                caveats.append("selective school without ГИА confirmation: the label alone does not lower the evidence")
            }
        }
        let small = SmallUnitCaveat.caveats(group.count)
        caveats = caveats.isEmpty ? small : caveats + small
        return HypothesisTestResult(
            statistic: adjusted, parameter: Double(group.count), pValue: NormalDistribution().upperTail(adjusted),
            estimate: model.shrunken(average: group.average, count: group.count) - model.mean,
            method: "predictive z of the unit's mean primary score against the region's school levels (empirical Bayes), less the part a selective school's ГИА confirms; estimate: shrunken level above the region, points",
            alternative: .greater, standardized: adjusted, caveats: caveats)
    }
}
