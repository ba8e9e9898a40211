import Foundation
import Logging
import ObjectivityCore
import ObjectivityService
import ObjectivityTesting
import Testing

/// Pupils' names arrive in the exports (a «ФИО» column) and must go nowhere: not into the
/// store, not into any output, not into the log. The daemon runs over an export with
/// names in which one school's works were written from one key (so that it is flagged and
/// gets a recheck list), and every output file, the SQLite files and the log are searched
/// for the names.
@Suite struct PrivacyTests {
    /// Collects every log line the daemon writes.
    final class CapturedLog: Sendable {
        let lines = LockedValue<[String]>([])
    }

    struct CapturingHandler: LogHandler {
        let log: CapturedLog
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace
        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }
        func log(level: Logger.Level, message: Logger.Message, metadata: Logger.Metadata?, source: String,
                 file: String, function: String, line: UInt) {
            let text = "\(level) \(message) \(metadata ?? [:]) \(self.metadata)"
            log.lines.withLock { $0.append(text) }
        }
    }

    @Test func namesInTheExport_reachNoOutputNoStoreAndNoLog() async throws {
        let models = try Fixtures.models()
        let scale = try #require(models.scales.scale(for: SittingKey(year: 2025, subject: "Математика", grade: 5)))
        let text = String(decoding: SyntheticExport.csv(works: 6000, scale: scale), as: UTF8.self)
        var lines = text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        let header = lines[0].components(separatedBy: ";")
        let taskColumns = header.indices.filter { header[$0].contains("б)") }
        let total = try #require(header.firstIndex(of: "Первичный балл")), mark = try #require(header.firstIndex(of: "Отметка"))
        let key: [Int] = SyntheticExport.taskMaxima.enumerated().map { k, m in k % 3 == 0 ? 0 : m }
        var names: [String] = []
        for i in 1..<lines.count {
            var cells = lines[i].components(separatedBy: ";")
            if cells[0] == "sch220003" {  // this school's works copy one key, slips included
                for (k, column) in taskColumns.enumerated() { cells[column] = String(key[k]) }
                let sum = key.reduce(0, +)
                cells[total] = String(sum)
                cells[mark] = String(scale.mark(forScore: sum) ?? 2)
            }
            let name = "Приватова\(i) Секретина"
            names.append(name)
            lines[i] = name + ";" + cells.joined(separator: ";")
        }
        lines[0] = "ФИО;" + lines[0]
        let root = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let export = root.appendingPathComponent(SyntheticExport.fileName)
        try (lines.joined(separator: "\r\n") + "\r\n").write(to: export, atomically: true, encoding: .utf8)

        var configuration = ServiceConfiguration()
        configuration.stateDirectory = root.appendingPathComponent("state").path
        configuration.debounceSeconds = 0.2
        let log = CapturedLog()
        let daemon = try ServiceDaemon(configuration: configuration, configurationPath: nil, models: models,
                                       notifier: SystemdNotifier(environment: [:]),
                                       logger: Logger(label: "privacy") { _ in CapturingHandler(log: log) })
        let (events, continuation) = AsyncStream<ServiceDaemon.Event>.makeStream()
        let running = Task { try await daemon.run(events: events) }
        let state = URL(fileURLWithPath: configuration.stateDirectory)
        try await Task.sleep(for: .milliseconds(200))
        try FileManager.default.copyItem(at: export, to: state.appendingPathComponent("inbox/" + SyntheticExport.fileName))
        continuation.yield(.upload)
        var counters = await daemon.counters
        for _ in 0..<300 where counters.analyses < 2 || counters.accepted < 1 {
            continuation.yield(.tick)
            try await Task.sleep(for: .milliseconds(100))
            counters = await daemon.counters
        }
        continuation.yield(.stop)
        try await running.value

        #expect(counters.accepted == 1)
        let recheck = (try? FileManager.default.contentsOfDirectory(atPath: state.appendingPathComponent("out/recheck").path)) ?? []
        #expect(recheck.contains { $0.hasSuffix(".xlsx") }, "the copying school is flagged and listed")
        // Every output, the store (with its WAL) and the log: no name, no surname.
        var searched = 0
        let places = [state.appendingPathComponent("out"), state.appendingPathComponent("state.sqlite"),
                      state.appendingPathComponent("state.sqlite-wal")]
        for place in places {
            let enumerator = FileManager.default.enumerator(at: place, includingPropertiesForKeys: nil)
            let files = enumerator.map { $0.compactMap { $0 as? URL } } ?? [place]
            for file in files + [place] where FileManager.default.fileExists(atPath: file.path) {
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: file.path, isDirectory: &isDirectory), !isDirectory.boolValue,
                      let data = FileManager.default.contents(atPath: file.path) else { continue }
                searched += 1
                // XLSX are zip archives: their strings are compressed, so read them through openpyxl.
                let text = file.pathExtension == "xlsx"
                    ? try IndependentXLSXReader.read([file]).values.flatMap { $0.flatMap { $0.rows.flatMap { $0 } } }.joined(separator: "\n")
                    : String(decoding: data, as: UTF8.self)
                #expect(!text.contains("Приватова") && !text.contains("Секретина"), "a name in \(file.lastPathComponent)")
            }
        }
        #expect(searched >= 8, "outputs searched: \(searched)")
        let logged = log.lines.withLock { $0.joined(separator: "\n") }
        #expect(!logged.isEmpty)
        #expect(!logged.contains("Приватова") && !logged.contains("Секретина"))
        // Outputs are 0640: the operators' group reads them, nobody else.
        let units = try FileManager.default.attributesOfItem(atPath: state.appendingPathComponent("out/units.jsonl").path)
        #expect((units[.posixPermissions] as? Int) == 0o640)
    }
}
