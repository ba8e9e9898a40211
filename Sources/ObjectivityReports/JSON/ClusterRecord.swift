public import ObjectivityCore

/// One line of `clusters.jsonl`: a peer group of one sitting — how many units it holds and
/// what its units look like on average (feature means), with how the grouping was chosen.
public struct ClusterRecord: Codable, Sendable, Equatable {
    public var year: Int
    public var subject: String
    public var grade: Int
    public var group: Int
    /// Groups in the sitting, chosen by the largest mean silhouette.
    public var groups: Int
    public var units: Int
    public var silhouette: Double
    /// Principal components kept and the share of variance they explain.
    public var components: Int
    public var explainedVariance: Double
    /// Feature means: score level and spread (SDs of the sitting's works), mark shares,
    /// each task's success share, share of selective schools, mean ln(1 + works).
    public var profile: [String: Double]

    enum CodingKeys: String, CodingKey {
        case year, subject, grade, group, groups, units, silhouette, components, profile
        case explainedVariance = "explained_variance"
    }

    /// The records of one analysed sitting, one per group.
    public static func records(for analysis: SittingAnalysis) -> [ClusterRecord] {
        guard let peers = analysis.peerGroups else { return [] }
        return peers.groups.map { group in
            ClusterRecord(year: analysis.sitting.key.year, subject: analysis.sitting.key.subject, grade: analysis.sitting.key.grade,
                          group: group.index, groups: peers.groups.count, units: group.units, silhouette: round(peers.silhouette),
                          components: peers.components, explainedVariance: round(peers.explainedVariance),
                          profile: group.profile.mapValues(round))
        }
    }

    private static func round(_ x: Double) -> Double { (x * 10_000).rounded() / 10_000 }
}
