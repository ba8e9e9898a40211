import ArgumentParser
import Foundation
import ObjectivityIngest
import ObjectivitySimulation

/// `objectivity simulate`: a synthetic region with known manipulations.
struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Writes a simulated region into DIR/inbox/ and the ground truth into DIR/truth.csv.")

    @Option(help: "Directory to write into (created if missing).")
    var out: String

    @Option(help: "Random seed; the same seed gives the same bytes.")
    var seed: UInt64?

    @Option(help: "Number of schools.")
    var schools: Int?

    @Option(help: "Comma-separated years, e.g. 2023,2024,2025.")
    var years: String?

    @Option(help: "JSON file with any RegionConfiguration keys (see its documentation).")
    var config: String?

    @OptionGroup var modelOptions: ModelOptions

    func run() throws {
        var configuration = try config.map { try RegionConfiguration.load(from: URL(fileURLWithPath: $0)) } ?? RegionConfiguration()
        if let seed { configuration.seed = seed }
        if let schools { configuration.schools = schools }
        if let years {
            let parsed = years.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
            guard !parsed.isEmpty, parsed.allSatisfy({ $0 != nil }) else {
                throw ValidationError("Укажите годы через запятую, например --years 2023,2024,2025.")
            }
            configuration.years = parsed.map { $0! }
        }
        let simulator = try RegionSimulator(configuration: configuration, models: try modelOptions.load())
        let started = Date()
        let summary = try simulator.run(into: URL(fileURLWithPath: out))
        let seconds = Date().timeIntervalSince(started)
        print("Регион: \(configuration.schools) ОО, годы \(configuration.years.map(String.init).joined(separator: ", ")), seed \(configuration.seed)")
        print("Файлов: \(summary.files), работ ВПР: \(summary.works), результатов ГИА: \(summary.giaResults)")
        print("Единиц анализа: \(summary.units), из них с внесёнными искажениями: \(summary.manipulatedUnits)")
        print("Записано в \(out)/inbox и \(out)/truth.csv за \(String(format: "%.1f", seconds)) с")
    }
}
