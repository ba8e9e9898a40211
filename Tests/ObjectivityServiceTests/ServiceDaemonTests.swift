import Foundation
import Logging
import ObjectivityCore
import ObjectivityService
import ObjectivitySimulation
import ObjectivityTesting
import Testing

/// The daemon in-process, fed as an uploader feeds it (write `.part`, rename), with the
/// events inotify would post.
@Suite struct ServiceDaemonTests {
    @Test func aBatchOfUploads_yieldsOneAnalysis_andABadFileDoesNotStopTheRest() async throws {
        let root = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        var region = RegionConfiguration()
        region.seed = 3
        region.schools = 60
        region.years = [2025]
        region.sittings = [SittingSpecification(subject: "Математика", grade: 5), SittingSpecification(subject: "Русский язык", grade: 5)]
        region.giaSubjects = []
        region.schoolFileShare = 1
        let simulated = root.appendingPathComponent("region")
        _ = try RegionSimulator(configuration: region, models: try Fixtures.models()).run(into: simulated)
        var uploads = try FileManager.default.contentsOfDirectory(at: simulated.appendingPathComponent("inbox"), includingPropertiesForKeys: nil)
        uploads.append(Fixtures.uploads.appendingPathComponent("bad/export_without_sitting.csv"))

        var configuration = ServiceConfiguration()
        configuration.stateDirectory = root.appendingPathComponent("state").path
        configuration.debounceSeconds = 0.5
        let daemon = try ServiceDaemon(configuration: configuration, configurationPath: nil, models: try Fixtures.models(),
                                       notifier: SystemdNotifier(environment: [:]), logger: Logger(label: "test"))
        let (events, continuation) = AsyncStream<ServiceDaemon.Event>.makeStream()
        let running = Task { try await daemon.run(events: events) }
        let inbox = URL(fileURLWithPath: configuration.stateDirectory).appendingPathComponent("inbox")
        try await Task.sleep(for: .milliseconds(300))
        for upload in uploads {
            let part = inbox.appendingPathComponent(upload.lastPathComponent + ".part")
            try FileManager.default.copyItem(at: upload, to: part)
            try FileManager.default.moveItem(at: part, to: inbox.appendingPathComponent(upload.lastPathComponent))
            continuation.yield(.upload)
        }
        var counters = await daemon.counters
        for _ in 0..<200 where counters.accepted + counters.rejected.values.reduce(0, +) < uploads.count || counters.analyses < 2 {
            continuation.yield(.tick)
            try await Task.sleep(for: .milliseconds(100))
            counters = await daemon.counters
        }
        continuation.yield(.stop)
        try await running.value

        #expect(counters.accepted == uploads.count - 1)
        #expect(counters.rejected.values.reduce(0, +) == 1, "\(counters.rejected)")
        #expect(counters.analyses == 2, "one at start-up, one for the whole batch of \(uploads.count) files")
        #expect(counters.units > 100)
        #expect(counters.alertsIssued == counters.unitsByLevel["high", default: 0] + counters.unitsByLevel["medium", default: 0])
        let state = URL(fileURLWithPath: configuration.stateDirectory)
        #expect(try FileManager.default.contentsOfDirectory(atPath: state.appendingPathComponent("processing").path).isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: inbox.path).isEmpty)
        let alertFiles = try FileManager.default.contentsOfDirectory(atPath: state.appendingPathComponent("out/alerts").path)
        #expect(alertFiles.count == counters.alertsIssued)
        // The people's lists, municipalities filled from the registry where exports left them out.
        let lists = state.appendingPathComponent("out/lists")
        #expect(try FileManager.default.contentsOfDirectory(atPath: lists.path).sorted()
            == ["Наблюдатели.csv", "Наблюдатели.xlsx", "Стабильно_без_признаков.csv", "Стабильно_без_признаков.xlsx"])
        let observers = try String(contentsOf: lists.appendingPathComponent("Наблюдатели.csv"), encoding: .utf8)
            .split(separator: "\r\n").dropFirst().map { $0.split(separator: ";", omittingEmptySubsequences: false) }
        #expect(observers.allSatisfy { $0.count > 2 && !$0[2].isEmpty })
        // The operator's summary of the batch lists every new alert, in the allowed words.
        let summaries = try FileManager.default.contentsOfDirectory(atPath: state.appendingPathComponent("out/summaries").path)
        #expect(summaries.count == (counters.alertsIssued > 0 ? 1 : 0))
        if let name = summaries.first {
            let text = try String(contentsOf: state.appendingPathComponent("out/summaries/\(name)"), encoding: .utf8)
            #expect(text.hasPrefix("# Новые и изменившиеся оповещения"))
            #expect(text.components(separatedBy: "Оповещение `").count - 1 == counters.alertsIssued)
            #expect(!text.lowercased().contains("списыва") && !text.lowercased().contains("доказан"))
        }
    }
}
