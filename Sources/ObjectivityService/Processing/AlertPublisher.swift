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

    public init(directories: ServiceDirectories, store: StateStore) {
        self.directories = directories
        self.store = store
    }

    /// Publishes the delta for `analyses` and returns the alerts it issued.
    @discardableResult
    public func publish(_ analyses: [SittingAnalysis], now: Date = Date()) throws -> [IssuedAlert.New] {
        let previous = try store.latestAlerts()
        var issued: [IssuedAlert.New] = []
        var unitLines: [UInt8] = [], alertLines: [UInt8] = []
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for analysis in analyses {
            for unit in analysis.units.sorted(by: { ($0.riskScore, $1.school) > ($1.riskScore, $0.school) }) {
                unitLines += try encoder.encode(UnitRecord(unit)) + [0x0A]
                guard unit.riskLevel >= .medium else { continue }
                let explanation = UnitExplanation.text(for: unit, sitting: analysis.sitting)
                let record = try encoder.encode(UnitRecord(unit, explanation: explanation))
                let id = IssuedAlert.id(for: unit)
                let line = try Self.withAlertID(record, id: id)
                alertLines += line + [0x0A]
                let key = "\(unit.sitting.year)|\(unit.sitting.subject)|\(unit.sitting.grade)|\(unit.school)"
                guard IssuedAlert.isNew(unit, previous: previous[key]) else { continue }
                try AtomicFileWriter.write(Array(line) + [0x0A], to: directories.alerts.appendingPathComponent("\(id).json"))
                issued.append(IssuedAlert.New(id: id, unit: unit, fired: IssuedAlert.firedSignature(unit)))
            }
        }
        try AtomicFileWriter.write(unitLines, to: directories.out.appendingPathComponent("units.jsonl"))
        try AtomicFileWriter.write(alertLines, to: directories.out.appendingPathComponent("alerts.jsonl"))
        try store.record(alerts: issued, units: analyses.flatMap(\.units), at: now)
        return issued
    }

    /// The record with `"alert_id"` added, keys sorted.
    private static func withAlertID(_ record: Data, id: String) throws -> Data {
        guard var object = try JSONSerialization.jsonObject(with: record) as? [String: Any] else { return record }
        object["alert_id"] = id
        return try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
    }
}
