public import ObjectivityCore

/// The operator's summary after an analysis: the new and changed alerts in plain Russian,
/// high risk first, each with its reasons and its alert id, by the wording rules of
/// DOMAIN.md («признаки», «риск», «требует проверки»; no proof, no judgement of a person).
public enum AlertSummary {
    /// One alert to list: its id, the unit and the sitting it belongs to.
    public struct Entry: Sendable {
        public var id: String
        public var unit: UnitResult
        public var sitting: Sitting
        public init(id: String, unit: UnitResult, sitting: Sitting) {
            self.id = id
            self.unit = unit
            self.sitting = sitting
        }
    }

    /// Markdown text; `time` is printed as given (the caller's clock).
    public static func markdown(_ entries: [Entry], time: String) -> String {
        let sorted = entries.sorted { ($0.unit.riskLevel, $0.unit.riskScore, $1.unit.school) > ($1.unit.riskLevel, $1.unit.riskScore, $0.unit.school) }
        let high = sorted.filter { $0.unit.riskLevel == .high }.count
        var lines = ["# Новые и изменившиеся оповещения — \(time)", "",
                     "Оповещений: \(sorted.count), из них с высоким риском: \(high). Признаки необъективности — это риск, "
                        + "требующий проверки, а не доказательство.", ""]
        for entry in sorted {
            let u = entry.unit
            let level = u.riskLevel == .high ? "высокий" : "средний"
            lines.append("## \(u.school) — \(u.sitting), работ \(u.works); риск \(level)")
            lines.append("")
            lines.append(UnitExplanation.text(for: u, sitting: entry.sitting))
            lines.append("")
            lines.append("Оповещение `\(entry.id)`.")
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }
}
