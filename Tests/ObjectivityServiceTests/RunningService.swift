#if canImport(Glibc)
import Glibc
#endif
import Foundation
import ObjectivityCore
import ObjectivityService
import ObjectivityTesting

/// `objectivity serve` as a child process over a temporary state directory: the real
/// daemon, for the tests that feed it files, kill it or load it.
final class RunningService {
    let root: URL
    let directories: ServiceDirectories
    let config: URL
    /// What the daemon logged (standard output and error), over restarts.
    var log: String { collected.bytes.withLock { String(decoding: $0, as: UTF8.self) } }
    private let collected = LogBuffer()

    /// Bytes the pipe's reader appends on its own thread.
    private final class LogBuffer: Sendable {
        let bytes = LockedValue(Data())
    }
    private(set) var process: Process?

    /// - Parameter settings: configuration keys and their JSON values, over a fast debounce
    ///   and no metrics server.
    init(settings: [String: String] = [:]) throws {
        root = try Fixtures.temporaryDirectory()
        directories = ServiceDirectories(root: root.appendingPathComponent("state"))
        try directories.create()
        config = root.appendingPathComponent("objectivity.json")
        let merged = ["debounceSeconds": "0.05", "maxDelaySeconds": "0.5", "metrics": "false"].merging(settings) { $1 }
        let json = "{" + merged.sorted { $0.key < $1.key }.map { "\"\($0.key)\": \($0.value)" }.joined(separator: ", ") + "}"
        try json.write(to: config, atomically: true, encoding: .utf8)
    }

    deinit {
        if let process, process.isRunning { kill(process.processIdentifier, SIGKILL); process.waitUntilExit() }
        try? FileManager.default.removeItem(at: root)
    }

    /// Starts the daemon; `environment` is added to the test's own.
    func start(environment: [String: String] = [:]) throws {
        let process = Process()
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.executableURL = CommandRunner.executable
        process.arguments = ["serve", "--state", directories.root.path, "--config", config.path, "--models", Fixtures.modelsDirectory.path]
        // The log goes through a pipe, which no file-size limit on the child can cut short.
        let pipe = Pipe()
        let collected = collected
        pipe.fileHandleForReading.readabilityHandler = { handle in
            let data = handle.availableData
            collected.bytes.withLock { $0.append(data) }
        }
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        self.process = process
    }

    /// Puts `bytes` into the inbox as `name`, the way uploaders are told to: written under
    /// a `.part` name, then renamed.
    func upload(_ bytes: Data, as name: String) throws {
        let part = directories.inbox.appendingPathComponent(".upload-\(UUID().uuidString).part")
        try bytes.write(to: part)
        guard rename(part.path, directories.inbox.appendingPathComponent(name).path) == 0 else {
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
        }
    }

    /// Entries of a state folder, hidden temporaries left out.
    func names(in directory: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }

    /// Polls every 0.1 s until `condition` holds or `seconds` pass; whether it held.
    func wait(seconds: Double, until condition: () throws -> Bool) rethrows -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try condition() { return true }
            usleep(100_000)
        }
        return try condition()
    }

    /// The child's peak resident memory (VmHWM), bytes.
    func peakResidentBytes() -> Int? {
        guard let pid = process?.processIdentifier,
              let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kilobytes = Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") else { return nil }
        return kilobytes * 1024
    }

    /// SIGKILL, as a crash: no chance to finish anything.
    func crash() {
        guard let process else { return }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// SIGTERM, then the exit status; SIGKILL (and nil) if the daemon has not ended
    /// within `seconds`, so that a daemon that hangs on the way out fails its test
    /// instead of stalling the run.
    func stop(within seconds: Double = 120) -> Int32? {
        guard let process else { return nil }
        kill(process.processIdentifier, SIGTERM)
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning, Date() < deadline { usleep(50_000) }
        if process.isRunning {
            crash()
            return nil
        }
        return process.terminationStatus
    }
}
