public import Foundation
public import Logging
public import ObjectivityIngest
import ObjectivityCore

/// `objectivity serve`: watches the inbox, takes every upload in exactly once, re-analyses
/// the sittings it touched after a quiet spell (debounce), and publishes delta alerts.
///
/// One actor owns the state; inotify, timers and signals only post events to it. A cycle
/// claims every finished upload, processes them one by one (a bad file is rejected and the
/// rest go on), then analyses once per touched sitting. Start-up first finishes what a
/// crash left in `processing/`, then analyses the whole store, so nothing is lost.
public actor ServiceDaemon {
    public enum Event: Sendable {
        case upload, rescan, tick, reload, stop
    }

    private let configurationPath: String?
    private var configuration: ServiceConfiguration
    private let directories: ServiceDirectories
    private let store: StateStore
    private var reader: InputFileReader
    private var analyser: RegionAnalyser
    private var publisher: AlertPublisher
    private var recheck: RecheckPublisher
    private var lists: ListsPublisher
    private var confirmation: ConfirmationPublisher
    private var report: ReportPublisher
    /// The last analyses, for the report when only recheck outcomes arrived.
    private var analyses: [SittingAnalysis] = []
    private let notifier: SystemdNotifier
    private let logger: Logger
    private let stop = StopFlag()

    // Timing runs on the monotonic clock: a wall clock set back by an hour (NTP, an
    // operator) would otherwise hold every upload for that hour, one set forward would
    // fire every timer at once.
    private let clock = ContinuousClock()
    private var pendingSince: ContinuousClock.Instant?
    private var lastUpload: ContinuousClock.Instant?
    /// When a failed cycle is tried again; nil when the last one succeeded.
    private var retryAt: ContinuousClock.Instant?
    private var lastRescan: ContinuousClock.Instant?
    private var lastWatchdog: ContinuousClock.Instant?
    private var claimSequence = 0
    private var dirty: Set<SittingKey> = []
    private var contextChanged = false
    /// A returned recheck list arrived since the outcome loop was last updated.
    private var outcomesArrived = false
    /// What the daemon has done, for `/metrics` and the tests.
    public private(set) var counters = ServiceCounters()

    public init(configuration: ServiceConfiguration, configurationPath: String?, models: ReferenceModels,
                notifier: SystemdNotifier, logger: Logger) throws {
        self.configuration = configuration
        self.configurationPath = configurationPath
        directories = ServiceDirectories(root: URL(fileURLWithPath: configuration.stateDirectory))
        try directories.create()
        store = try StateStore(path: directories.database)
        reader = Self.reader(configuration, models: models)
        analyser = RegionAnalyser(store: store, models: models, seed: configuration.seed, thresholds: configuration.riskThresholds)
        publisher = AlertPublisher(directories: directories, store: store)
        recheck = RecheckPublisher(directories: directories, store: store, seed: configuration.seed)
        lists = ListsPublisher(directories: directories)
        confirmation = ConfirmationPublisher(directories: directories, store: store)
        report = ReportPublisher(directories: directories, store: store)
        self.notifier = notifier
        self.logger = logger
    }

    private static func reader(_ c: ServiceConfiguration, models: ReferenceModels) -> InputFileReader {
        InputFileReader(models: models, archiveLimits: ArchiveLimits(maxUncompressedBytes: UInt64(c.maxXLSXExpandedBytes), maxEntries: c.maxXLSXEntries),
                        maxFileBytes: c.maxFileBytes)
    }

    /// The configuration in force (after the last SIGHUP).
    public var currentConfiguration: ServiceConfiguration { configuration }

    /// Uploads waiting in the inbox now.
    public nonisolated var queueDepth: Int { InboxScanner.uploads(in: directories.inbox).count }

    /// Asks the daemon to stop after the file in hand; safe from any thread (signal handlers).
    public nonisolated func requestStop() { stop.raise() }

    /// Runs until a `.stop` event: start-up recovery and analysis, then the event loop.
    public func run(events: AsyncStream<Event>) async throws {
        notifier.status("восстановление после перезапуска / recovering")
        directories.removeStaleTemporaries()
        do {
            try recover()
            try analyse(all: true)
        } catch {
            contextChanged = true  // everything is analysed again on the retry
            cycleFailed(error)
        }
        counters.ready = true
        notifier.ready(status: "готов: \(counters.units) единиц анализа / ready")
        logger.info("ready", metadata: ["units": "\(counters.units)", "state": "\(directories.root.path)"])
        attemptCycle()  // uploads that arrived while the service was down
        for await event in events {
            let now = clock.now
            switch event {
            case .upload:
                if pendingSince == nil { pendingSince = now }
                lastUpload = now
            case .rescan:
                if pendingSince == nil { pendingSince = now }
                lastUpload = now
                lastRescan = now
            case .reload:
                reload()
            case .stop:
                requestStop()
            case .tick:
                break
            }
            if stop.isRaised { break }
            if let interval = notifier.watchdogInterval, lastWatchdog.map({ now - $0 >= .seconds(interval) }) ?? true {
                notifier.watchdog()
                lastWatchdog = now
            }
            if let retry = retryAt, now >= retry, pendingSince == nil {
                pendingSince = now
                lastUpload = now
            }
            if lastRescan.map({ now - $0 >= .seconds(configuration.rescanSeconds) }) ?? true {
                lastRescan = now
                if pendingSince == nil { pendingSince = now; lastUpload = now }
            }
            if let since = pendingSince, let last = lastUpload,
               now - last >= .seconds(configuration.debounceSeconds) || now - since >= .seconds(configuration.maxDelaySeconds) {
                pendingSince = nil
                lastUpload = nil
                attemptCycle()
            }
            if stop.isRaised { break }
        }
        notifier.stopping()
        logger.info("stopped")
    }

    /// Re-reads the configuration file (SIGHUP): timings, limits and risk thresholds; the
    /// state directory stays.
    private func reload() {
        notifier.reloading()
        defer { notifier.status("конфигурация перечитана / configuration reloaded") }
        guard let configurationPath else { return }
        do {
            var fresh = try ServiceConfiguration.load(path: configurationPath)
            fresh.stateDirectory = configuration.stateDirectory
            configuration = fresh
            reader = Self.reader(fresh, models: analyser.models)
            analyser.thresholds = fresh.riskThresholds
            logger.info("configuration reloaded", metadata: ["file": "\(configurationPath)"])
        } catch {
            logger.error("configuration not reloaded, the old one stays", metadata: ["error": "\(error)"])
        }
    }

    /// Files a crash left in `processing/`: finished, each exactly once.
    private func recover() throws {
        for claimed in InboxScanner.uploads(in: directories.processing) {
            try process(claimed)
        }
    }

    /// A cycle whose failure does not stop the service: outputs keep their last complete
    /// version (every one is written whole or not at all), the work stays where it was
    /// (files in `processing/`, sittings marked to analyse) and is retried after
    /// ``retrySeconds``.
    private func attemptCycle() {
        do {
            try cycle()
            retryAt = nil
        } catch {
            cycleFailed(error)
        }
    }

    private func cycleFailed(_ error: any Error) {
        counters.failedCycles += 1
        retryAt = clock.now + .seconds(Self.retrySeconds)
        notifier.status("ошибка записи, повтор через \(Int(Self.retrySeconds)) с / write failed, retrying")
        logger.error("cycle failed; outputs keep their last complete version, retried in \(Int(Self.retrySeconds)) s",
                     metadata: ["error": "\(error)", "transient": "\(TransientFailure.isTransient(error))"])
    }

    /// Seconds between a failed cycle and its retry.
    static let retrySeconds = 5.0

    /// One cycle: files left in `processing/` by a failed cycle, then every finished
    /// upload, then the analysis of what they touched.
    private func cycle() throws {
        try recover()
        let uploads = InboxScanner.uploads(in: directories.inbox)
        for upload in uploads {
            if stop.isRaised { return }
            guard let claimed = claim(upload) else { continue }
            try process(claimed)
        }
        if stop.isRaised { return }  // start-up re-analyses everything
        if !dirty.isEmpty || contextChanged {
            try analyse(all: contextChanged)
        } else if outcomesArrived {
            try publishConfirmation()
            try report.publish(analyses)
        }
    }

    private func claim(_ upload: URL) -> URL? {
        while true {
            claimSequence += 1
            let target = UploadClaim.target(for: upload, in: directories.processing, sequence: claimSequence % 100_000_000)
            var info = stat()
            if lstat(target.path, &info) == 0 { continue }
            return UploadClaim.claim(upload, into: directories.processing, sequence: claimSequence % 100_000_000)
        }
    }

    /// One claimed file to its end. A file the daemon cannot even read (permissions, I/O)
    /// goes to `rejected/` with the reason instead of stopping the service; if that fails
    /// too, it stays in `processing/` for the next start and the rest of the batch goes on.
    private func process(_ claimed: URL) throws {
        let name = UploadClaim.originalName(of: claimed)
        let processor = UploadProcessor(directories: directories, store: store, reader: reader)
        let outcome: UploadProcessor.Outcome
        do {
            outcome = try processor.process(claimed)
        } catch where TransientFailure.isTransient(error) {
            throw error  // not the file's fault: it stays in processing/ for the retry
        } catch {
            counters.rejected["io_error", default: 0] += 1
            logger.error("cannot process, set aside", metadata: ["file": "\(name)", "error": "\(error)"])
            processor.setAside(claimed, russian: "\(error)", english: "\(error)")
            return
        }
        switch outcome {
        case .accepted(let sittings, let context, let skipped):
            dirty.formUnion(sittings)
            contextChanged = contextChanged || context
            counters.accepted += 1
            logger.info("accepted", metadata: ["file": "\(name)", "skipped_rows": "\(skipped)"])
        case .acceptedOutcomes(let skipped):
            outcomesArrived = true
            counters.accepted += 1
            logger.info("accepted recheck outcomes", metadata: ["file": "\(name)", "skipped_rows": "\(skipped)"])
        case .rejected(let reason):
            counters.rejected[reason, default: 0] += 1
            logger.warning("rejected", metadata: ["file": "\(name)", "reason": "\(reason)"])
        case .duplicate:
            counters.duplicates += 1
            logger.info("duplicate content, archived", metadata: ["file": "\(name)"])
        case .recovered:
            counters.recovered += 1
            logger.info("taken in before a restart, archived", metadata: ["file": "\(name)"])
        case .vanished:
            logger.warning("removed after it was claimed, nothing kept", metadata: ["file": "\(name)"])
        }
    }

    private func analyse(all: Bool) throws {
        let started = Date()
        notifier.status("анализ: \(all ? "все сессии" : "\(dirty.count) сесс.") / analysing")
        guard let analyses = try analyser.refresh(dirty, all: all, stop: stop) else {
            logger.info("analysis abandoned for the stop; the next start analyses the store again")
            return
        }
        let issued = try publisher.publish(analyses)
        try recheck.publish(analyses)
        try lists.publish(analyses, registry: try store.registry())
        try publishConfirmation()
        self.analyses = analyses
        try report.publish(analyses)
        dirty = []
        contextChanged = false
        let units = analyses.flatMap(\.units)
        counters.units = units.count
        counters.unitsByLevel = Dictionary(grouping: units, by: { $0.riskLevel.rawValue }).mapValues(\.count)
        counters.alertsIssued += issued.count
        counters.recordAnalysis(seconds: Date().timeIntervalSince(started), at: Date())
        notifier.status("готов: \(units.count) единиц, новых оповещений \(issued.count) / ready")
        logger.info("analysed", metadata: ["sittings": "\(analyses.count)", "units": "\(units.count)", "new_alerts": "\(issued.count)",
                                           "seconds": "\(String(format: "%.2f", counters.lastAnalysisSeconds))"])
    }

    /// The outcome loop: each alert's status and the confirmation rates, from what came back.
    private func publishConfirmation() throws {
        outcomesArrived = false
        guard let tallies = try confirmation.publish() else { return }
        let statuses = Dictionary(grouping: tallies.values, by: \.status).mapValues(\.count)
        logger.info("recheck outcomes matched", metadata: ["alerts_confirmed": "\(statuses[.confirmed] ?? 0)",
                                                           "alerts_not_confirmed": "\(statuses[.notConfirmed] ?? 0)"])
    }
}
