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
        let queue = DispatchQueue(label: "objectivity.events")
        let source = try ServiceEventSource(inbox: configuration.stateDirectory + "/inbox", queue: queue)
        let continuation = source.continuation
        var signals: [any DispatchSourceSignal] = []
        // A file-size limit (LimitFSIZE=) must give write errors, which the daemon retries,
        // not kill it.
        signal(SIGXFSZ, SIG_IGN)
        for (number, event) in [(SIGTERM, ServiceDaemon.Event.stop), (SIGINT, .stop), (SIGHUP, .reload)] {
            signal(number, SIG_IGN)
            let signalSource = DispatchSource.makeSignalSource(signal: number, queue: queue)
            signalSource.setEventHandler {
                if case .stop = event { daemon.requestStop() }
                continuation.yield(event)
            }
            signalSource.resume()
            signals.append(signalSource)
        }
        defer {
            source.cancel()
            for signalSource in signals { signalSource.cancel() }
        }
        let metrics: Task<Void, any Error>? = configuration.metrics
            ? Task { try await MetricsServer.application(daemon: daemon, port: configuration.metricsPort).run() }
            : nil
        defer { metrics?.cancel() }
        try await daemon.run(events: source.events)
    }
}
