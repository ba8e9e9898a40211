import ArgumentParser
import Foundation
import ObjectivityService

/// `objectivity report`: regenerates every output from the service's store.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Writes every output again from the store of STATE: units, alerts, recheck lists, people's lists, recheck outcomes and the region report (report.html).")

    @Option(help: "State directory of the service (holds state.sqlite).")
    var state: String

    @Option(help: "Directory to write into (created if missing).")
    var out: String

    @Option(help: "Configuration file (JSON): the seed and risk thresholds the service used.")
    var config: String?

    @OptionGroup var modelOptions: ModelOptions

    func run() async throws {
        let configuration = try config.map { try ServiceConfiguration.load(path: $0) } ?? ServiceConfiguration()
        try configuration.validate(file: config ?? "(по умолчанию)")
        let stateDirectory = ServiceDirectories(root: URL(fileURLWithPath: state))
        guard FileManager.default.fileExists(atPath: stateDirectory.database.path) else {
            throw ValidationError("no store at \(stateDirectory.database.path): run `objectivity serve --state \(state)` (or `demo`) first")
        }
        var modelSource = modelOptions
        if modelSource.models == nil { modelSource.models = configuration.modelsDirectory }
        let store = try StateStore(path: stateDirectory.database)
        let target = ServiceDirectories(root: URL(fileURLWithPath: state), out: URL(fileURLWithPath: out))
        let summary = try OutputRegenerator.regenerate(store: store, models: try modelSource.load(), seed: configuration.seed,
                                                       thresholds: configuration.riskThresholds, into: target)
        print("\(summary.sittings) sittings, \(summary.units) units, \(summary.alerts) alerts written to \(out)")
        print("region report: \(target.out.appendingPathComponent("report.html").path)")
    }
}
