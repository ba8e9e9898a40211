public import ObjectivityCore
internal import Crypto

/// An alert the daemon has issued for a unit: its stable id, the level and the fired
/// indicator families it stated.
public struct IssuedAlert: Sendable, Equatable {
    public var id: String
    public var riskLevel: RiskLevel
    /// Sorted fired families joined by «,» (``firedSignature(_:)``).
    public var fired: String

    public init(id: String, riskLevel: RiskLevel, fired: String) {
        self.id = id
        self.riskLevel = riskLevel
        self.fired = fired
    }

    /// An alert about to be issued.
    public struct New: Sendable {
        public var id: String
        public var unit: UnitResult
        public var fired: String

        public init(id: String, unit: UnitResult, fired: String) {
            self.id = id
            self.unit = unit
            self.fired = fired
        }
    }

    /// The unit's fired families, sorted: what "the evidence" of an alert is.
    public static func firedSignature(_ unit: UnitResult) -> String {
        unit.indicators.filter(\.fired).map(\.family).sorted().joined(separator: ",")
    }

    /// A stable id from what the alert says: the same unit, level and evidence always give
    /// the same id, so that an alert written before a crash and written again after it is
    /// the same alert, never a second one.
    public static func id(for unit: UnitResult) -> String {
        let text = "\(unit.sitting.unitKey(school: unit.school))|\(unit.riskLevel.rawValue)|\(firedSignature(unit))"
        let digest = SHA256.hash(data: Array(text.utf8)).prefix(8).map { String(format: "%02x", $0) }.joined()
        return "\(unit.sitting.year)-\(unit.school)-\(digest)"
    }

    /// Delta rule: a unit at `medium` or `high` gets an alert when it has none yet, when its
    /// level rose, or when the fired families changed (the evidence changed materially).
    /// A unit whose level fell is not announced again.
    public static func isNew(_ unit: UnitResult, previous: IssuedAlert?) -> Bool {
        guard unit.riskLevel >= .medium else { return false }
        guard let previous else { return true }
        if unit.riskLevel > previous.riskLevel { return true }
        if unit.riskLevel < previous.riskLevel { return false }
        return firedSignature(unit) != previous.fired
    }
}
