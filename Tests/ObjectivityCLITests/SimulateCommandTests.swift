import Foundation
import ObjectivityTesting
import Testing

@Suite struct SimulateCommandTests {
    @Test func simulate_writesInboxAndTruth_thenInspectReadsEveryFile() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let simulated = try CommandRunner.run(["simulate", "--out", directory.path, "--schools", "12", "--years", "2024,2025", "--seed", "3"])
        #expect(simulated.status == 0, "\(simulated.standardError)")
        #expect(simulated.standardOutput.contains("Регион: 12 ОО, годы 2024, 2025, seed 3"))
        let truth = try String(contentsOf: directory.appendingPathComponent("truth.csv"), encoding: .utf8)
        #expect(truth.hasPrefix("school,year,subject,grade,manipulated,type,intensity,affected_share,n,exam\n"))
        let inspected = try CommandRunner.run(["inspect", directory.appendingPathComponent("inbox").path, "--summary"])
        #expect(inspected.status == 0, "\(inspected.standardOutput)")
        #expect(inspected.standardOutput.contains("отклонено: 0"))
    }

    @Test func badYears_areRefusedWithWhatToDo() throws {
        let outcome = try CommandRunner.run(["simulate", "--out", "/tmp/unused", "--years", "20x5"])
        #expect(outcome.status != 0)
        #expect(outcome.standardError.contains("Укажите годы через запятую"))
    }
}
