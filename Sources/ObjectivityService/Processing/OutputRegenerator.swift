public import Foundation
public import ObjectivityCore
public import ObjectivityIngest

/// `objectivity report`: every output file written again from the store alone — units and
/// alerts, recheck lists, the people's lists, the recheck outcomes and the region report —
/// into any directory, each atomically. The store is read, not changed: no alert is
/// issued and no listed work recorded.
public enum OutputRegenerator {
    /// What was written.
    public struct Summary: Sendable {
        public var sittings: Int
        public var units: Int
        public var alerts: Int
    }

    public static func regenerate(store: StateStore, models: ReferenceModels, seed: UInt64, thresholds: RiskModel.Thresholds,
                                  into directories: ServiceDirectories, now: Date = Date()) throws -> Summary {
        for directory in [directories.out, directories.alerts] {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        }
        var analyser = RegionAnalyser(store: store, models: models, seed: seed, thresholds: thresholds)
        let analyses = try analyser.refresh([], all: true) ?? []
        var alerts = AlertPublisher(directories: directories, store: store, mode: .regenerate)
        let written = try alerts.publish(analyses, now: now)
        var recheck = RecheckPublisher(directories: directories, store: store, seed: seed, recording: false)
        try recheck.publish(analyses, now: now)
        var lists = ListsPublisher(directories: directories)
        try lists.publish(analyses, registry: try store.registry())
        var confirmation = ConfirmationPublisher(directories: directories, store: store, recording: false)
        try confirmation.publish(now: now)
        var report = ReportPublisher(directories: directories, store: store)
        try report.publish(analyses, now: now)
        return Summary(sittings: analyses.count, units: analyses.reduce(0) { $0 + $1.units.count }, alerts: written.count)
    }
}
