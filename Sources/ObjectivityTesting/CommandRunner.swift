public import Foundation

/// Runs the built `objectivity` executable, for tests of the command line as a user types it.
public enum CommandRunner {
    public typealias Outcome = ProcessRun.Outcome

    /// The executable beside the test bundle (`swift test` builds it, being a dependency).
    public static var executable: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent().appendingPathComponent("objectivity")
    }

    /// Runs `objectivity` with `arguments` in the repository root and waits for it.
    public static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Outcome {
        try ProcessRun.run(executable, arguments, in: Fixtures.root,
                           environment: ProcessInfo.processInfo.environment.merging(environment) { $1 })
    }
}
