import Foundation
import Logging
import ObjectivityCore
import ObjectivityService
import ObjectivitySimulation
import ObjectivityTesting
import Testing

/// The outcome loop end to end: the daemon issues recheck lists, a commission fills one in
/// and drops it back into the inbox, and the daemon reports the confirmation rate per
/// indicator and marks each alert confirmed or not.
@Suite struct OutcomeLoopTests {
    @Test func returnedList_confirmsTheNudgingSchool_andNotAnAlertWhoseScoresStood() async throws {
        let root = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        var region = RegionConfiguration()
        region.seed = 17
        region.schools = 150
        region.years = [2025]
        region.sittings = [SittingSpecification(subject: "Математика", grade: 5)]
        region.giaSubjects = []
        region.villageShare = 0
        region.manipulatedSchoolShare = 0
        region.injections = [ManipulationInjection(school: "sch220021", years: [2025], type: .thresholdNudging, intensity: 0.9),
                             ManipulationInjection(school: "sch220022", years: [2025], type: .thresholdNudging, intensity: 0.9)]
        let simulated = root.appendingPathComponent("region")
        _ = try RegionSimulator(configuration: region, models: try Fixtures.models()).run(into: simulated)

        var configuration = ServiceConfiguration()
        configuration.stateDirectory = root.appendingPathComponent("state").path
        configuration.debounceSeconds = 0.2
        let daemon = try ServiceDaemon(configuration: configuration, configurationPath: nil, models: try Fixtures.models(),
                                       notifier: SystemdNotifier(environment: [:]), logger: Logger(label: "test"))
        let (events, continuation) = AsyncStream<ServiceDaemon.Event>.makeStream()
        let running = Task { try await daemon.run(events: events) }
        let state = URL(fileURLWithPath: configuration.stateDirectory)
        let inbox = state.appendingPathComponent("inbox")
        func drop(_ file: URL, as name: String) throws {
            let part = inbox.appendingPathComponent(name + ".part")
            try FileManager.default.copyItem(at: file, to: part)
            try FileManager.default.moveItem(at: part, to: inbox.appendingPathComponent(name))
            continuation.yield(.upload)
        }
        func settle(until done: () async throws -> Bool) async throws {
            for _ in 0..<1200 where try await !done() {  // up to 2 min: sanitizer builds are slow
                continuation.yield(.tick)
                try await Task.sleep(for: .milliseconds(100))
            }
        }
        try await Task.sleep(for: .milliseconds(200))
        let uploads = try FileManager.default.contentsOfDirectory(at: simulated.appendingPathComponent("inbox"), includingPropertiesForKeys: nil)
        for upload in uploads {
            try drop(upload, as: upload.lastPathComponent)
        }
        // The cycle that takes in the last upload analyses and publishes in the same turn of
        // the daemon, so once every upload is counted the lists are those of the whole
        // region (the first list to appear may come from an earlier, partial cycle).
        try await settle { await daemon.counters.accepted == uploads.count }
        #expect(await daemon.counters.accepted == uploads.count)
        let recheck = state.appendingPathComponent("out/recheck")

        // The commission: the nudging school's evidence works lose two points, sch220022's
        // scores all stand, every control work stands.
        var evidenceLowered = 0
        let listNames = try FileManager.default.contentsOfDirectory(atPath: recheck.path).filter { $0.hasSuffix(".csv") }.sorted()
        for (n, listName) in listNames.enumerated() {
            let text = try String(contentsOf: recheck.appendingPathComponent(listName), encoding: .utf8)
            var lines = text.components(separatedBy: "\r\n")
            let header = lines[0].split(separator: ";", omittingEmptySubsequences: false).map(String.init)
            let school = try #require(header.firstIndex(of: "ОО")), score = try #require(header.firstIndex(of: "Первичный балл"))
            let reason = try #require(header.firstIndex(of: "Основание"))
            for i in 1..<lines.count where !lines[i].isEmpty {
                let cells = lines[i].split(separator: ";", omittingEmptySubsequences: false).map(String.init)
                let original = try #require(Int(cells[score]))
                let lower = cells[school] == "sch220021" && !cells[reason].contains("контрольная")
                if lower { evidenceLowered += 1 }
                lines[i] += String(lower ? max(0, original - 2) : original)
            }
            let filled = root.appendingPathComponent("filled-\(n).csv")
            try lines.joined(separator: "\r\n").write(to: filled, atomically: true, encoding: .utf8)
            try drop(filled, as: "Итог_" + listName)
        }
        #expect(evidenceLowered > 3)
        let report = state.appendingPathComponent("out/confirmation.json")
        try await settle { FileManager.default.fileExists(atPath: report.path) }
        continuation.yield(.stop)
        try await running.value

        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: report)) as? [String: Any])
        let indicators = try #require(json["indicators"] as? [[String: Any]])
        let peak = try #require(indicators.first { $0["code"] as? String == "threshold_peak" && $0["evidence_rechecked"] as? Int ?? 0 > 0 })
        #expect(peak["evidence_lowered"] as? Int == evidenceLowered)
        #expect(peak["control_lowered"] as? Int == 0 && (peak["control_rechecked"] as? Int ?? 0) > 0)
        let alerts = try #require(json["alerts"] as? [[String: Any]])
        let statuses = Dictionary(alerts.map { (($0["alert_id"] as? String) ?? "", ($0["status"] as? String) ?? "") }, uniquingKeysWith: { a, _ in a })
        let confirmed = statuses.filter { $0.key.contains("sch220021") }
        #expect(!confirmed.isEmpty && confirmed.values.allSatisfy { $0 == "confirmed" }, "\(statuses)")
        let stood = statuses.filter { $0.key.contains("sch220022") }
        #expect(!stood.isEmpty && stood.values.allSatisfy { $0 == "not_confirmed" }, "\(statuses)")
        let store = try StateStore(path: ServiceDirectories(root: state).database)
        let stored = try store.alertConfirmations()
        #expect(stored.filter { $0.key.contains("sch220021") }.values.allSatisfy { $0 == .confirmed })
        for name in ["Итоги_перепроверки.xlsx", "Итоги_перепроверки_по_признакам.csv", "Итоги_перепроверки_по_оповещениям.csv"] {
            #expect(FileManager.default.fileExists(atPath: recheck.appendingPathComponent(name).path), "\(name)")
        }
        try checkReport(state: state, root: root)
    }

    /// The region report shows the outcomes; `objectivity report` writes the same files from
    /// the store alone; openpyxl opens every workbook with the right sheets, headers and rows.
    private func checkReport(state: URL, root: URL) throws {
        let out = state.appendingPathComponent("out")
        let html = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(html.contains("Итоги перепроверки работ независимыми комиссиями") && html.contains("подтверждено перепроверкой"))
        #expect(html.contains("<svg") && html.contains("«Понизили»") == false && html.contains("Понизили (отметка ВПР ниже журнальной)"))
        #expect(!html.contains("http://") && !html.contains("https://") && !html.contains(" src="), "self-contained")
        #expect(!html.lowercased().contains("списыва") && !html.lowercased().contains("доказан"))

        let regenerated = root.appendingPathComponent("regenerated")
        let run = try CommandRunner.run(["report", "--state", state.path, "--out", regenerated.path])
        #expect(run.status == 0, "\(run.standardError)")
        func files(_ directory: URL) -> [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
        }
        #expect(files(regenerated.appendingPathComponent("alerts")) == files(out.appendingPathComponent("alerts")))
        let same = ["units.jsonl", "alerts.jsonl", "confirmation.json"]
            + files(out.appendingPathComponent("recheck")).filter { $0.hasSuffix(".csv") }.map { "recheck/" + $0 }
            + files(out.appendingPathComponent("lists")).filter { $0.hasSuffix(".csv") }.map { "lists/" + $0 }
        for name in same {
            #expect(FileManager.default.contents(atPath: regenerated.appendingPathComponent(name).path)
                    == FileManager.default.contents(atPath: out.appendingPathComponent(name).path), "\(name)")
        }
        #expect(FileManager.default.fileExists(atPath: regenerated.appendingPathComponent("report.html").path))

        let workbooks = (files(regenerated.appendingPathComponent("recheck")).map { "recheck/" + $0 }
            + files(regenerated.appendingPathComponent("lists")).map { "lists/" + $0 }).filter { $0.hasSuffix(".xlsx") }
        let sheets = try IndependentXLSXReader.read(workbooks.map { regenerated.appendingPathComponent($0) })
        #expect(sheets.count == workbooks.count && workbooks.count >= 4)
        for name in workbooks {
            let book = try #require(sheets[regenerated.appendingPathComponent(name).path], "\(name)")
            let headers = book.flatMap { $0.rows.prefix(2).flatMap { $0 } }.map { $0.lowercased() }
            #expect(!headers.contains { $0.contains("фамил") || $0 == "имя" || $0.contains("отчеств") }, "no name column in \(name)")
            let csv = name.hasPrefix("recheck/Итоги") ? nil : regenerated.appendingPathComponent(String(name.dropLast(5)) + ".csv")
            guard let csv, let text = try? String(contentsOf: csv, encoding: .utf8) else { continue }
            let lines = (text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text).split(separator: "\r\n").map(String.init)
            let sheet = try #require(book.last)
            // The sheet holds the CSV's rows under an optional one-line title.
            let body = sheet.rows.first?.joined(separator: ";") == lines.first ? sheet.rows : Array(sheet.rows.dropFirst())
            #expect(body.count == lines.count, "rows of \(name)")
            #expect(body.first?.joined(separator: ";") == lines.first, "header of \(name)")
            if name.hasPrefix("recheck/Перепроверка") { #expect(book.map(\.name) == ["Инструкция", "Перепроверка"]) }
            if name.hasPrefix("lists/") { #expect(book.map(\.name) == ["Список"]) }
        }
        let outcomes = try #require(sheets[regenerated.appendingPathComponent("recheck/Итоги_перепроверки.xlsx").path])
        #expect(outcomes.map(\.name) == ["По признакам", "По оповещениям"])
    }
}
