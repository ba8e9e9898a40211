public import Foundation
public import ObjectivityCore
internal import ObjectivityReports

/// Keeps `out/recheck/` in step with the analysis: one list per municipality, year,
/// subject and grade with flagged units, rewritten only when its content changed, and
/// lists with nothing left to recheck removed. Every listed work is recorded in the store
/// with its reason and alert, so that a returned list can be matched to it.
public struct RecheckPublisher: Sendable {
    public let directory: URL
    public let store: StateStore
    public let seed: UInt64
    /// Whether listed works are recorded in the store (false when regenerating files).
    public let recording: Bool
    /// CSV bytes of every list written, by base name.
    private var written: [String: [UInt8]] = [:]

    public init(directories: ServiceDirectories, store: StateStore, seed: UInt64, recording: Bool = true) {
        directory = directories.out.appendingPathComponent("recheck")
        self.store = store
        self.seed = seed
        self.recording = recording
    }

    /// Writes the lists of `analyses`; returns how many files changed.
    @discardableResult
    public mutating func publish(_ analyses: [SittingAnalysis], now: Date = Date()) throws -> Int {
        var current: [String: [UInt8]] = [:], changed = 0
        let alerts = try store.latestAlerts()
        var listed: [StateStore.ListedWork] = []
        for analysis in analyses {
            let units = Dictionary(analysis.units.map { ($0.school, $0) }, uniquingKeysWith: { first, _ in first })
            for list in RecheckList.lists(for: analysis, seed: seed) {
                let base = RecheckListWriter.baseName(list)
                let bytes = RecheckListWriter.csv(list)
                current[base] = bytes
                // An unchanged list lists the same works, recorded when it was first written.
                guard written[base] != bytes else { continue }
                for row in list.rows {
                    guard let unit = units[row.school] else { continue }
                    let key = unit.sitting.unitKey(school: unit.school)
                    listed.append(StateStore.ListedWork(
                        sitting: unit.sitting, school: unit.school, code: row.participantCode, evidence: row.evidence, reason: row.reason,
                        alertID: alerts[key]?.id ?? "", families: unit.indicators.filter(\.fired).map(\.family).sorted(),
                        riskLevel: unit.riskLevel, originalScore: row.primaryScore))
                }
                try RecheckListWriter.write(list, into: directory)
                changed += 1
            }
        }
        if recording { try store.recordListed(listed, at: now) }
        for base in written.keys where current[base] == nil {
            for ext in ["csv", "xlsx"] { try? FileManager.default.removeItem(at: directory.appendingPathComponent("\(base).\(ext)")) }
            changed += 1
        }
        written = current
        return changed
    }
}
