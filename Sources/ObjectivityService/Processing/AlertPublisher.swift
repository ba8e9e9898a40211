public import Foundation
public import ObjectivityCore
internal import ObjectivityReports

/// Writes what changed for the people who act: one file per new alert (delta alerts), and
/// the current state of every unit.
///
/// Exactly once across crashes: an alert's file is named by its stable id and written
/// (temporary name, fsync, rename) before the store records it. A crash between the two
/// rewrites the same file with the same id on the next run — never a second alert.
public struct AlertPublisher: Sendable {
    public let directories: ServiceDirectories
    public let store: StateStore
    /// Each unit's last published result and its encoded lines: a re-analysis of one
    /// sitting changes a few thousand units at most, and only those are encoded and
    /// stored again (JSON encoding of every unit was most of an update's time).
    private var published: [String: PublishedUnit] = [:]

    private struct PublishedUnit: Sendable {
        var unit: UnitResult
        var line: [UInt8]
        /// The line in `alerts.jsonl` (with the explanation and alert id) for units at medium or high.
        var alertLine: [UInt8]?
    }

    public init(directories: ServiceDirectories, store: StateStore) {
        self.directories = directories
        self.store = store
    }

    /// Publishes the delta for `analyses` and returns the alerts it issued.
    @discardableResult
    public mutating func publish(_ analyses: [SittingAnalysis], now: Date = Date()) throws -> [IssuedAlert.New] {
        let previous = try store.latestAlerts()
        var issued: [IssuedAlert.New] = [], changed: [UnitResult] = []
        var unitLines: [UInt8] = [], alertLines: [UInt8] = []
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var seen = Set<String>()
        for analysis in analyses {
            for unit in analysis.units.sorted(by: { ($0.riskScore, $1.school) > ($1.riskScore, $0.school) }) {
                let key = "\(unit.sitting.year)|\(unit.sitting.subject)|\(unit.sitting.grade)|\(unit.school)"
                seen.insert(key)
                var entry: PublishedUnit
                if let cached = published[key], cached.unit == unit {
                    entry = cached
                } else {
                    entry = PublishedUnit(unit: unit, line: try encoder.encode(UnitRecord(unit)) + [0x0A], alertLine: nil)
                    if unit.riskLevel >= .medium {
                        let explanation = UnitExplanation.text(for: unit, sitting: analysis.sitting)
                        let record = try encoder.encode(UnitRecord(unit, explanation: explanation))
                        entry.alertLine = try Self.withAlertID(record, id: IssuedAlert.id(for: unit)) + [0x0A]
                    }
                    published[key] = entry
                    changed.append(unit)
                }
                unitLines += entry.line
                guard let alertLine = entry.alertLine else { continue }
                alertLines += alertLine
                guard IssuedAlert.isNew(unit, previous: previous[key]) else { continue }
                let id = IssuedAlert.id(for: unit)
                try AtomicFileWriter.write(alertLine, to: directories.alerts.appendingPathComponent("\(id).json"))
                issued.append(IssuedAlert.New(id: id, unit: unit, fired: IssuedAlert.firedSignature(unit)))
            }
        }
        for key in published.keys where !seen.contains(key) { published[key] = nil }
        try AtomicFileWriter.write(unitLines, to: directories.out.appendingPathComponent("units.jsonl"))
        try AtomicFileWriter.write(alertLines, to: directories.out.appendingPathComponent("alerts.jsonl"))
        try store.record(alerts: issued, units: changed, at: now)
        return issued
    }

    /// The record with `"alert_id"` added, keys sorted.
    private static func withAlertID(_ record: Data, id: String) throws -> Data {
        guard var object = try JSONSerialization.jsonObject(with: record) as? [String: Any] else { return record }
        object["alert_id"] = id
        return try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
    }
}
