public import Foundation
import Dispatch
import ObjectivityCore

/// Runs a program to its end and collects what it printed: the one place the test support
/// starts processes.
public enum ProcessRun {
    /// What a run printed and how it ended.
    public struct Outcome: Sendable {
        public let status: Int32
        public let standardOutput: String
        public let standardError: String
        /// Standard output as bytes, for machine-readable output.
        public let output: Data
        /// Whether the run outlived its time limit and was killed (its status is then the
        /// signal's, and its standard error ends with a line saying so).
        public let timedOut: Bool
    }

    private enum WatchedState: Sendable { case running, finished, killed }

    /// Longest a run may take before it is killed: far above any test's program (the
    /// slowest, a scan under ThreadSanitizer, takes about a minute), far below the CI's
    /// limit, so that a program that stops making progress fails its test instead of
    /// stalling the whole run.
    public static let defaultTimeLimit: Duration = .seconds(900)

    public static func run(_ executable: URL, _ arguments: [String], in directory: URL? = nil,
                           environment: [String: String]? = nil, timeLimit: Duration = defaultTimeLimit) throws -> Outcome {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        if let environment { process.environment = environment }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Standard error is drained on a thread of its own while standard output is read
        // here: read one after the other, a child that fills the other pipe (64 KiB, a few
        // sanitizer reports) would wait for us while we wait for it.
        let errData = LockedValue(Data()), errDone = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            let data = err.fileHandleForReading.readDataToEndOfFile()
            errData.withLock { $0 = data }
            errDone.signal()
        }
        // The watchdog kills only a child not yet seen to end (its pid could be another's then).
        let state = LockedValue(WatchedState.running)
        let pid = process.processIdentifier
        let watchdog = DispatchWorkItem {
            state.withLock { state in
                guard state == .running else { return }
                state = .killed
                kill(pid, SIGKILL)
            }
        }
        let seconds = Double(timeLimit.components.seconds) + Double(timeLimit.components.attoseconds) * 1e-18
        DispatchQueue.global().asyncAfter(deadline: .now() + seconds, execute: watchdog)
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        errDone.wait()
        process.waitUntilExit()
        let timedOut = state.withLock { state in
            if state == .running { state = .finished }
            return state == .killed
        }
        watchdog.cancel()
        var standardError = String(decoding: errData.withLock { $0 }, as: UTF8.self)
        if timedOut { standardError += "\n[killed after the time limit of \(timeLimit)]\n" }
        return Outcome(status: process.terminationStatus, standardOutput: String(decoding: outData, as: UTF8.self),
                       standardError: standardError, output: outData, timedOut: timedOut)
    }
}
