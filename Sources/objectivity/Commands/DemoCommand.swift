import ArgumentParser
import Foundation

/// `objectivity demo`: the main job on the embedded default — a simulated region in,
/// everything the service makes of it out.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Simulates the default region into DIR (default ./demo), reads it back and scans it into DIR/out.")

    @Option(help: "Directory for the simulated region and the outputs; its inbox is replaced.")
    var out = "demo"

    @OptionGroup var modelOptions: ModelOptions

    func run() throws {
        try? FileManager.default.removeItem(atPath: out + "/inbox")
        let models = modelOptions.models.map { ["--models", $0] } ?? []
        try SimulateCommand.parse(["--out", out] + models).run()
        print("")
        try InspectCommand.parse([out + "/inbox", "--summary"] + models).run()
        print("")
        try ScanCommand.parse([out + "/inbox", "--out", out + "/out"] + models).run()
    }
}
