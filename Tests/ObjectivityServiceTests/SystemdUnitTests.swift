import Foundation
import ObjectivityTesting
import Testing

/// The unit file as systemd 252 judges it (PID 1 here is not systemd: offline checks only).
@Suite struct SystemdUnitTests {
    /// The unit with ExecStart pointing at the built executable, which `verify` requires to exist.
    private func unitUnderTest() throws -> (URL, URL) {
        let directory = try Fixtures.temporaryDirectory()
        let text = try String(contentsOf: Fixtures.root.appendingPathComponent("systemd/objectivity.service"), encoding: .utf8)
            .replacingOccurrences(of: "/usr/local/bin/objectivity", with: CommandRunner.executable.path)
        let unit = directory.appendingPathComponent("objectivity.service")
        try text.write(to: unit, atomically: true, encoding: .utf8)
        return (directory, unit)
    }

    private func systemdAnalyze(_ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
        let run = try ProcessRun.run(URL(fileURLWithPath: "/usr/bin/systemd-analyze"), arguments)
        return (run.status, run.standardOutput, run.standardError)
    }

    @Test func verify_printsNothing() throws {
        let (directory, unit) = try unitUnderTest()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try systemdAnalyze(["verify", unit.path])
        #expect(result.status == 0)
        #expect(result.out.isEmpty && result.err.isEmpty, "\(result.out)\(result.err)")
    }

    @Test func securityExposure_isAtMostTwo() throws {
        let (directory, unit) = try unitUnderTest()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try systemdAnalyze(["security", "--offline=yes", "--no-pager", unit.path])
        let line = try #require(result.out.split(separator: "\n").first { $0.contains("Overall exposure level") })
        let score = try #require(line.split(separator: ":").last?.split(separator: " ").first.flatMap { Double($0) })
        #expect(score <= 2.0, "\(line)")
    }
}
