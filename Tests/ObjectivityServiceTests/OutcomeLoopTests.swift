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
        func settle(until done: () throws -> Bool) async throws {
            for _ in 0..<300 where try !done() {
                continuation.yield(.tick)
                try await Task.sleep(for: .milliseconds(100))
            }
        }
        try await Task.sleep(for: .milliseconds(200))
        for upload in try FileManager.default.contentsOfDirectory(at: simulated.appendingPathComponent("inbox"), includingPropertiesForKeys: nil) {
            try drop(upload, as: upload.lastPathComponent)
        }
        let recheck = state.appendingPathComponent("out/recheck")
        try await settle { (try? FileManager.default.contentsOfDirectory(atPath: recheck.path))?.contains { $0.hasSuffix(".csv") } ?? false }

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
    }
}
