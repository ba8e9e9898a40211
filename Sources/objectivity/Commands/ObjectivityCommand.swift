import ArgumentParser

/// The `objectivity` command line: thin wrappers over the library targets.
@main
struct ObjectivityCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "objectivity",
        abstract: "Finds schools whose assessment results show signs of non-objectivity.",
        subcommands: [DemoCommand.self, SimulateCommand.self, InspectCommand.self, ScanCommand.self, EvaluateCommand.self, ServeCommand.self, ReportCommand.self])

    static func main() async {
        BLASThreadPolicy.enforceSingleThreaded()
        do {
            var command = try parseAsRoot(nil)
            if var asynchronous = command as? any AsyncParsableCommand {
                try await asynchronous.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }
}
