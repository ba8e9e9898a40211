public import ObjectivityCore

/// The outcome loop's results for people and machines: how often the commissions lowered
/// the scores of the works that carried each sign, against the control sample, and each
/// alert's status.
///
/// People: `Итоги_перепроверки` (XLSX and CSV), one row per indicator and risk level, then
/// one row per alert. Machines: `confirmation.json` with the same numbers under English keys.
public struct ConfirmationReport: Sendable, Equatable, Encodable {
    public struct IndicatorRow: Sendable, Equatable, Encodable {
        public var code: String
        public var riskLevel: String
        public var evidenceListed: Int
        public var evidenceRechecked: Int
        public var evidenceLowered: Int
        public var controlRechecked: Int
        public var controlLowered: Int
        /// Lowered share of the rechecked evidence works (the precision measured in the field).
        public var confirmationRate: Double?
        public var controlRate: Double?
        public var alertsConfirmed: Int
        public var alertsNotConfirmed: Int
        public var alertsPending: Int

        enum CodingKeys: String, CodingKey {
            case code, riskLevel = "risk_level", evidenceListed = "evidence_listed", evidenceRechecked = "evidence_rechecked"
            case evidenceLowered = "evidence_lowered", controlRechecked = "control_rechecked", controlLowered = "control_lowered"
            case confirmationRate = "confirmation_rate", controlRate = "control_rate", alertsConfirmed = "alerts_confirmed"
            case alertsNotConfirmed = "alerts_not_confirmed", alertsPending = "alerts_pending"
        }
    }

    public struct AlertRow: Sendable, Equatable, Encodable {
        public var alertID: String
        public var status: String
        public var evidenceRechecked: Int
        public var evidenceLowered: Int
        public var controlRechecked: Int
        public var controlLowered: Int
        public var pointsRemoved: Int

        enum CodingKeys: String, CodingKey {
            case alertID = "alert_id", status, evidenceRechecked = "evidence_rechecked", evidenceLowered = "evidence_lowered"
            case controlRechecked = "control_rechecked", controlLowered = "control_lowered", pointsRemoved = "points_removed"
        }
    }

    public var indicators: [IndicatorRow]
    public var alerts: [AlertRow]

    public init(_ works: [RecheckConfirmation.ListedWork]) {
        indicators = RecheckConfirmation.byIndicator(works).sorted { $0.key < $1.key }.map { key, group in
            let t = group.tally
            return IndicatorRow(code: key.family, riskLevel: key.riskLevel.rawValue, evidenceListed: t.evidenceListed,
                                evidenceRechecked: t.evidenceRechecked, evidenceLowered: t.evidenceLowered,
                                controlRechecked: t.controlRechecked, controlLowered: t.controlLowered,
                                confirmationRate: t.confirmationRate, controlRate: t.controlRate,
                                alertsConfirmed: group.alerts[.confirmed] ?? 0, alertsNotConfirmed: group.alerts[.notConfirmed] ?? 0,
                                alertsPending: group.alerts[.pending] ?? 0)
        }
        alerts = RecheckConfirmation.byAlert(works).sorted { $0.key < $1.key }.map { id, t in
            AlertRow(alertID: id, status: t.status.rawValue, evidenceRechecked: t.evidenceRechecked, evidenceLowered: t.evidenceLowered,
                     controlRechecked: t.controlRechecked, controlLowered: t.controlLowered, pointsRemoved: t.pointsRemoved)
        }
    }

    /// Whether any listed work came back rechecked.
    public var hasOutcomes: Bool { indicators.contains { $0.evidenceRechecked + $0.controlRechecked > 0 } }

    /// «подтверждено» / «не подтверждено» / «ожидает перепроверки».
    public static func russian(_ status: RecheckConfirmation.Status) -> String {
        switch status {
        case .confirmed: "подтверждено перепроверкой"
        case .notConfirmed: "не подтверждено перепроверкой"
        case .pending: "ожидает перепроверки"
        }
    }

    public static let indicatorHeader = [
        "Признак", "Уровень риска", "Работ-оснований в списках", "Перепроверено", "Балл снижен", "Доля снижений",
        "Контроль: перепроверено", "Контроль: балл снижен", "Контроль: доля снижений",
        "Оповещений подтверждено", "Не подтверждено", "Ожидают перепроверки",
    ]

    public static let alertHeader = [
        "Оповещение", "Итог", "Работ-оснований перепроверено", "Из них балл снижен", "Снято баллов",
        "Контроль: перепроверено", "Контроль: балл снижен",
    ]

    /// Rows of the indicator table, Russian.
    public var indicatorCells: [[String]] {
        indicators.map { r in
            [SignNames.russian(r.code), Self.russianLevel(r.riskLevel), String(r.evidenceListed), String(r.evidenceRechecked),
             String(r.evidenceLowered), Self.percent(r.confirmationRate), String(r.controlRechecked), String(r.controlLowered),
             Self.percent(r.controlRate), String(r.alertsConfirmed), String(r.alertsNotConfirmed), String(r.alertsPending)]
        }
    }

    /// Rows of the alert table, Russian.
    public var alertCells: [[String]] {
        alerts.map { r in
            [r.alertID, RecheckConfirmation.Status(rawValue: r.status).map(Self.russian) ?? r.status, String(r.evidenceRechecked),
             String(r.evidenceLowered), String(r.pointsRemoved), String(r.controlRechecked), String(r.controlLowered)]
        }
    }

    static func russianLevel(_ level: String) -> String {
        switch level {
        case "high": "высокий"
        case "medium": "средний"
        case "low": "низкий"
        default: "нет"
        }
    }

    static func percent(_ value: Double?) -> String {
        guard let value else { return "—" }
        return String(Int((value * 100).rounded())) + " %"
    }
}
