public import Foundation
public import ObjectivityCore
import Dispatch
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
    public let mode: Mode
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

    /// How the alerts are decided.
    public enum Mode: Sendable {
        /// Delta alerts against the store, recorded there, with the operator's summary.
        case service
        /// Every current alert's file written again (`objectivity report`); the store is only read.
        case regenerate
    }

    public init(directories: ServiceDirectories, store: StateStore, mode: Mode = .service) {
        self.directories = directories
        self.store = store
        self.mode = mode
    }

    /// Publishes the delta for `analyses` and returns the alerts it issued.
    @discardableResult
    public mutating func publish(_ analyses: [SittingAnalysis], now: Date = Date()) throws -> [IssuedAlert.New] {
        let previous = try store.latestAlerts()
        var issued: [IssuedAlert.New] = [], changed: [UnitResult] = []
        var unitLines: [UInt8] = [], alertLines: [UInt8] = []
        // Which units changed since the last publication; those are encoded on both cores.
        var order: [(key: String, unit: UnitResult, sitting: Int)] = []
        var stale: [Int] = []
        for (s, analysis) in analyses.enumerated() {
            for unit in analysis.units.sorted(by: { ($0.riskScore, $1.school) > ($1.riskScore, $0.school) }) {
                let key = unit.sitting.unitKey(school: unit.school)
                if published[key]?.unit != unit { stale.append(order.count) }
                order.append((key, unit, s))
            }
        }
        let encoded = OrderedResults<PublishedUnit>(count: stale.count)
        let toEncode = stale.map { (order[$0].unit, order[$0].sitting) }
        DispatchQueue.concurrentPerform(iterations: toEncode.count) { i in
            let (unit, s) = toEncode[i]
            var entry = PublishedUnit(unit: unit, line: UnitLineWriter.line(unit), alertLine: nil)
            if unit.riskLevel >= .medium {
                let explanation = UnitExplanation.text(for: unit, sitting: analyses[s].sitting)
                entry.alertLine = UnitLineWriter.line(unit, explanation: explanation, alertID: IssuedAlert.id(for: unit))
            }
            encoded.store(entry, at: i)
        }
        for (i, entry) in zip(stale, encoded.take()) {
            published[order[i].key] = entry
            changed.append(entry.unit)
        }
        var seen = Set<String>()
        for (key, unit, _) in order {
            seen.insert(key)
            let entry = published[key]!
            unitLines += entry.line
            guard let alertLine = entry.alertLine else { continue }
            alertLines += alertLine
            guard mode == .regenerate || IssuedAlert.isNew(unit, previous: previous[key]) else { continue }
            let id = IssuedAlert.id(for: unit)
            try AtomicFileWriter.write(alertLine, to: directories.alerts.appendingPathComponent("\(id).json"))
            issued.append(IssuedAlert.New(id: id, unit: unit, fired: IssuedAlert.firedSignature(unit)))
        }
        for key in published.keys where !seen.contains(key) { published[key] = nil }
        try AtomicFileWriter.write(unitLines, to: directories.out.appendingPathComponent("units.jsonl"))
        try AtomicFileWriter.write(alertLines, to: directories.out.appendingPathComponent("alerts.jsonl"))
        if mode == .regenerate { return issued }
        if !issued.isEmpty {
            let sittings = Dictionary(analyses.map { ($0.sitting.key, $0.sitting) }, uniquingKeysWith: { first, _ in first })
            let entries = issued.compactMap { alert in sittings[alert.unit.sitting].map { AlertSummary.Entry(id: alert.id, unit: alert.unit, sitting: $0) } }
            let stamp = Self.stamp(now)
            try AtomicFileWriter.write(Array(AlertSummary.markdown(entries, time: stamp).utf8),
                                       to: directories.out.appendingPathComponent("summaries/оповещения-\(stamp).md"))
        }
        try store.record(alerts: issued, units: changed, at: now)
        return issued
    }

    /// `2026-11-23T22-37-38Z`: UTC, sortable, safe in a file name.
    private static func stamp(_ time: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: time).replacingOccurrences(of: ":", with: "-")
    }
}
