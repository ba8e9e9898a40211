/// What the subject commissions' rechecks say about the alerts: the precision of the
/// signs measured in the field.
///
/// Every work on a recheck list is either evidence (it carries the sign: on a cut, equal to
/// the journal, marked «4»/«5» in a unit with raised results) or control (drawn at random
/// from the same school's other works, see ``RecheckSelection``). A work counts as lowered
/// when the commission's primary score is below the school's. For a group of works (one
/// alert, or every alert of an indicator and risk level) the *confirmation rate* is the
/// share of rechecked evidence works lowered, set beside the same share in the control
/// sample. The control does not veto an alert: a school that over-marked every work has
/// its control works lowered too, and that confirms the sign rather than refuting it;
/// across many alerts the control rate shows how often the commissions lower a score
/// where no sign pointed (their own strictness), the baseline to read the rate against.
///
/// An alert is
/// - `confirmed` when at least ``minimumLowered`` evidence works were lowered and the
///   evidence's lowered share is at least ``confirmingShare``;
/// - `notConfirmed` when at least ``minimumRechecked`` evidence works (or all listed, if
///   fewer) came back rechecked and the rule above does not hold;
/// - `pending` otherwise (too little came back yet).
public enum RecheckConfirmation {
    /// Lowered evidence works an alert needs to count as confirmed.
    public static let minimumLowered = 1
    /// Share of rechecked evidence works lowered that confirms an alert.
    public static let confirmingShare = 0.2
    /// Rechecked evidence works needed before an alert can count as not confirmed.
    public static let minimumRechecked = 3

    public enum Status: String, Sendable, Codable, CaseIterable {
        case confirmed
        case notConfirmed = "not_confirmed"
        case pending
    }

    /// One listed work and, once it came back, the commission's score.
    public struct ListedWork: Sendable, Equatable {
        /// The alert whose list carried the work ("" when the list preceded any alert).
        public var alertID: String
        /// The fired indicator families of the unit when the list was issued.
        public var families: [String]
        public var riskLevel: RiskLevel
        public var evidence: Bool
        /// Primary scores, points; `rechecked` nil while not rechecked.
        public var original: Int
        public var rechecked: Int?

        public init(alertID: String, families: [String], riskLevel: RiskLevel, evidence: Bool, original: Int, rechecked: Int?) {
            self.alertID = alertID
            self.families = families
            self.riskLevel = riskLevel
            self.evidence = evidence
            self.original = original
            self.rechecked = rechecked
        }

        var isLowered: Bool { rechecked.map { $0 < original } ?? false }
    }

    /// Counts of one group of works.
    public struct Tally: Sendable, Equatable {
        public var evidenceListed = 0
        public var evidenceRechecked = 0
        public var evidenceLowered = 0
        public var controlRechecked = 0
        public var controlLowered = 0
        /// Points the commission took off the rechecked evidence works, summed.
        public var pointsRemoved = 0

        public init() {}

        /// Lowered share of the rechecked evidence works; nil before any came back.
        public var confirmationRate: Double? { evidenceRechecked > 0 ? Double(evidenceLowered) / Double(evidenceRechecked) : nil }
        /// Lowered share of the rechecked control works.
        public var controlRate: Double? { controlRechecked > 0 ? Double(controlLowered) / Double(controlRechecked) : nil }

        public var status: Status {
            let rate = confirmationRate ?? 0
            if evidenceLowered >= minimumLowered, rate >= confirmingShare { return .confirmed }
            return evidenceRechecked >= min(minimumRechecked, max(1, evidenceListed)) ? .notConfirmed : .pending
        }

        mutating func add(_ work: ListedWork) {
            if work.evidence {
                evidenceListed += 1
                guard let rechecked = work.rechecked else { return }
                evidenceRechecked += 1
                if work.isLowered { evidenceLowered += 1; pointsRemoved += work.original - rechecked }
            } else if work.rechecked != nil {
                controlRechecked += 1
                if work.isLowered { controlLowered += 1 }
            }
        }
    }

    /// One row of the field precision: an indicator family at a risk level.
    public struct GroupKey: Sendable, Hashable, Comparable {
        public var family: String
        public var riskLevel: RiskLevel

        public init(family: String, riskLevel: RiskLevel) {
            self.family = family
            self.riskLevel = riskLevel
        }

        public static func < (a: GroupKey, b: GroupKey) -> Bool { (a.family, b.riskLevel) < (b.family, a.riskLevel) }
    }

    /// Tallies by alert id.
    public static func byAlert(_ works: [ListedWork]) -> [String: Tally] {
        var tallies: [String: Tally] = [:]
        for work in works where !work.alertID.isEmpty { tallies[work.alertID, default: Tally()].add(work) }
        return tallies
    }

    /// Tallies by fired family and risk level; a work counts once under each family its
    /// unit fired. Alert statuses are counted per group in `alerts`.
    public static func byIndicator(_ works: [ListedWork]) -> [GroupKey: (tally: Tally, alerts: [Status: Int])] {
        var groups: [GroupKey: (tally: Tally, alerts: [Status: Int])] = [:]
        var alertsOf: [GroupKey: Set<String>] = [:]
        for work in works {
            for family in work.families {
                let key = GroupKey(family: family, riskLevel: work.riskLevel)
                groups[key, default: (Tally(), [:])].tally.add(work)
                if !work.alertID.isEmpty { alertsOf[key, default: []].insert(work.alertID) }
            }
        }
        let statuses = byAlert(works).mapValues(\.status)
        for (key, ids) in alertsOf {
            for id in ids { groups[key]?.alerts[statuses[id] ?? .pending, default: 0] += 1 }
        }
        return groups
    }
}
