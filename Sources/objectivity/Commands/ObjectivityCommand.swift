import ArgumentParser

/// The `objectivity` command line: thin wrappers over the library targets.
@main
struct ObjectivityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "objectivity",
        abstract: "Finds schools whose assessment results show signs of non-objectivity.",
        subcommands: [DemoCommand.self, SimulateCommand.self, InspectCommand.self, ScanCommand.self, EvaluateCommand.self])

    static func main() {
        BLASThreadPolicy.enforceSingleThreaded()
        main(nil)
    }
}
