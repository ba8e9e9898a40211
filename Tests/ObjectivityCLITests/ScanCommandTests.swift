import Foundation
import ObjectivityTesting
import Testing

@Suite struct ScanCommandTests {
    @Test func scan_writesTheThreeFiles_sameBytesOnEveryRun() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let inbox = directory.appendingPathComponent("inbox").path
        #expect(try CommandRunner.run(["simulate", "--out", directory.path, "--schools", "40", "--years", "2025"]).status == 0)
        let first = try CommandRunner.run(["scan", inbox, "--out", directory.appendingPathComponent("a").path])
        let files = try FileManager.default.contentsOfDirectory(atPath: inbox).count
        let second = try CommandRunner.run(["scan", inbox, "--out", directory.appendingPathComponent("b").path, "--timings"])
        #expect(first.status == 0, "\(first.standardError)")
        #expect(first.standardOutput.contains("Начало рейтинга:"))
        for name in ["units.jsonl", "alerts.jsonl", "sittings.jsonl", "clusters.jsonl"] {
            let a = try Data(contentsOf: directory.appendingPathComponent("a/\(name)"))
            let b = try Data(contentsOf: directory.appendingPathComponent("b/\(name)"))
            #expect(a == b, "\(name) differs between two scans of the same inbox")
        }
        let units = try String(contentsOf: directory.appendingPathComponent("a/units.jsonl"), encoding: .utf8)
            .split(separator: "\n")
        #expect(units.count == 320)  // 40 schools × (6 ВПР sittings + ОГЭ in 2 subjects)
        let records = units.compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(Set(records.first?.keys.map { $0 } ?? [])
            == ["school", "exam", "year", "subject", "grade", "n", "risk_score", "risk_level", "indicators"])
        #expect(records.filter { $0["exam"] as? String == "ОГЭ" && $0["grade"] as? Int == 9 }.count == 80)
        #expect(records.filter { $0["exam"] as? String == "ВПР" }.count == 240)
        #expect(second.status == 0)
        // --timings: every stage from the listing on, with its CPU and memory, then the total.
        let stages = second.standardError.split(separator: "\n").filter { $0.contains(" s, CPU ") }
        let prefixes = ["list \(files) files, load models:", "read \(files) files, ", "ГИА sittings and the ВПР sittings' contexts:",
                        "analyse 6 ВПР and 2 ГИА sittings:", "across years:", "rank 320 units, explain ", "write outputs:", "total:"]
        #expect(stages.count == prefixes.count && zip(stages, prefixes).allSatisfy { $0.hasPrefix($1) }, "\(stages)")
        #expect(stages.last?.contains("% of one core), peak resident ") == true)
        // Progress on standard error, plain lines when it is not a terminal (here a pipe):
        // every tenth of the files, then each stage; standard output stays the report.
        let progress = first.standardError.split(separator: "\n")
        // At most one line per tenth (a tenth passed by two threads at once shows once);
        // the last file read always shows.
        #expect((1...10).contains(progress.filter { $0.hasPrefix("чтение: ") }.count), "\(progress)")
        #expect(progress.contains { $0.hasPrefix("чтение: \(files) из \(files) файлов, работ ") })
        #expect(progress.contains("анализ: 8 из 8 сессий"))
        #expect(progress.contains("запись результатов"))
        #expect(!first.standardError.contains("\u{1B}") && !first.standardOutput.contains("чтение: "))
        // Peer groups: every ВПР sitting's units are in exactly one group, each described.
        let clusters = try String(contentsOf: directory.appendingPathComponent("a/clusters.jsonl"), encoding: .utf8).split(separator: "\n")
            .compactMap { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(clusters.reduce(0) { $0 + ($1["units"] as? Int ?? 0) } == 240)
        #expect(clusters.allSatisfy { ($0["profile"] as? [String: Any])?["share_5"] != nil && $0["explained_variance"] != nil })
    }
}
