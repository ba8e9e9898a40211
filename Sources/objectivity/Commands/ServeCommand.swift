import ArgumentParser
import Dispatch
import Foundation
import Logging
import ObjectivityService

/// `objectivity serve`: the long-running service (systemd `Type=notify`).
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Watches STATE/inbox, takes every upload in exactly once, re-analyses and writes delta alerts to STATE/out.")

    @Option(help: "Configuration file (JSON; see ServiceConfiguration for keys and defaults).")
    var config: String?

    @Option(help: "State directory; overrides the configuration's stateDirectory.")
    var state: String?

    @OptionGroup var modelOptions: ModelOptions

    func run() async throws {
        var configuration = try config.map { try ServiceConfiguration.load(path: $0) } ?? ServiceConfiguration()
        if let state { configuration.stateDirectory = state }
        try configuration.validate(file: config ?? "(по умолчанию)")
        var modelSource = modelOptions
        if modelSource.models == nil { modelSource.models = configuration.modelsDirectory }
        let models = try modelSource.load()
        LoggingSystem.bootstrap { StreamLogHandler.standardOutput(label: $0) }
        var logger = Logger(label: "objectivity")
        logger.logLevel = .info
        let daemon = try ServiceDaemon(configuration: configuration, configurationPath: config, models: models,
                                       notifier: SystemdNotifier(environment: ProcessInfo.processInfo.environment), logger: logger)
        let (events, continuation) = AsyncStream<ServiceDaemon.Event>.makeStream(bufferingPolicy: .bufferingNewest(1024))
        let queue = DispatchQueue(label: "objectivity.events")
        let watcher = try InotifyWatcher(directory: configuration.stateDirectory + "/inbox", queue: queue) { event in
            switch event {
            case .file(let name) where InboxScanner.isUpload(name): continuation.yield(.upload)
            case .file: break
            case .overflow: continuation.yield(.rescan)
            }
        }
        var signals: [any DispatchSourceSignal] = []
        for (number, event) in [(SIGTERM, ServiceDaemon.Event.stop), (SIGINT, .stop), (SIGHUP, .reload)] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler {
                if case .stop = event { daemon.requestStop() }
                continuation.yield(event)
            }
            source.resume()
            signals.append(source)
        }
        let ticker = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: .milliseconds(250))
                continuation.yield(.tick)
            }
        }
        defer {
            ticker.cancel()
            watcher.cancel()
            for source in signals { source.cancel() }
        }
        let metrics: Task<Void, any Error>? = configuration.metrics
            ? Task { try await MetricsServer.application(daemon: daemon, port: configuration.metricsPort).run() }
            : nil
        defer { metrics?.cancel() }
        try await daemon.run(events: events)
    }
}
