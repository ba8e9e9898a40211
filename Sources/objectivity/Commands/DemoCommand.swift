import ArgumentParser
import Foundation
import Logging
import ObjectivityReports
import ObjectivityService
import ObjectivitySimulation

/// `objectivity demo`: the main job on the embedded default — a simulated region uploaded
/// file by file into the running service, everything it makes of it out.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Simulates the default region into DIR/region, runs the service on a fresh DIR/state, uploads every file as an uploader would, waits for the analysis and stops.")

    @Option(help: "Directory for the simulated region and the service's state; both are replaced.")
    var out = "demo"

    @Option(help: "How many units of the ranking to print.")
    var top = 10

    @OptionGroup var modelOptions: ModelOptions

    func run() async throws {
        let root = URL(fileURLWithPath: out)
        let region = root.appendingPathComponent("region"), state = root.appendingPathComponent("state")
        try? FileManager.default.removeItem(at: region)
        try? FileManager.default.removeItem(at: state)
        let modelArguments = modelOptions.models.map { ["--models", $0] } ?? []
        try SimulateCommand.parse(["--out", region.path] + modelArguments).run()

        var configuration = ServiceConfiguration()
        configuration.stateDirectory = state.path
        configuration.debounceSeconds = 1
        configuration.metrics = false
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = .warning
            return handler
        }
        let daemon = try ServiceDaemon(configuration: configuration, configurationPath: nil, models: try modelOptions.load(),
                                       notifier: SystemdNotifier(environment: [:]), logger: Logger(label: "objectivity"))
        let source = try ServiceEventSource(inbox: state.appendingPathComponent("inbox").path, queue: DispatchQueue(label: "demo.events"))
        defer { source.cancel() }
        let events = source.events
        let running = Task { try await daemon.run(events: events) }

        print("")
        print("Служба запущена (состояние: \(state.path)); загрузка файлов по одному, как это делают операторы…")
        let uploads = try FileManager.default.contentsOfDirectory(at: region.appendingPathComponent("inbox"), includingPropertiesForKeys: nil)
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        let inbox = state.appendingPathComponent("inbox")
        for upload in uploads {
            let part = inbox.appendingPathComponent(upload.lastPathComponent + ".part")
            try FileManager.default.copyItem(at: upload, to: part)
            try FileManager.default.moveItem(at: part, to: inbox.appendingPathComponent(upload.lastPathComponent))
        }
        var counters = await daemon.counters
        while counters.accepted + counters.rejected.values.reduce(0, +) < uploads.count || counters.analyses < 2 || daemon.queueDepth > 0 {
            try await Task.sleep(for: .milliseconds(250))
            counters = await daemon.counters
        }
        // The commissions recheck the listed works and return the lists (simulated from the
        // region's truth), closing the outcome loop.
        let recheckDirectory = state.appendingPathComponent("out/recheck")
        let truth = try String(contentsOf: region.appendingPathComponent("truth.csv"), encoding: .utf8)
            .split(separator: "\n").compactMap { TruthRecord(csvLine: $0) }
        let commission = SimulatedCommission(truth: truth, seed: 1)
        let listNames = ((try? FileManager.default.contentsOfDirectory(atPath: recheckDirectory.path)) ?? [])
            .filter { $0.hasPrefix("Перепроверка_") && $0.hasSuffix(".csv") }.sorted()
        for name in listNames {
            let text = try String(contentsOf: recheckDirectory.appendingPathComponent(name), encoding: .utf8)
            let part = inbox.appendingPathComponent("Итоги_" + name + ".part")
            try commission.fill(csv: text).write(to: part, atomically: false, encoding: .utf8)
            try FileManager.default.moveItem(at: part, to: inbox.appendingPathComponent("Итоги_" + name))
        }
        let confirmationFile = state.appendingPathComponent("out/confirmation.json")
        counters = await daemon.counters
        while counters.accepted + counters.rejected.values.reduce(0, +) < uploads.count + listNames.count || daemon.queueDepth > 0
                || (!listNames.isEmpty && !FileManager.default.fileExists(atPath: confirmationFile.path)) {
            try await Task.sleep(for: .milliseconds(250))
            counters = await daemon.counters
        }
        try await Task.sleep(for: .milliseconds(500))  // the report follows the confirmation
        source.continuation.yield(.stop)
        try await running.value

        let levels = counters.unitsByLevel
        print("Файлов принято: \(counters.accepted), отклонено: \(counters.rejected.values.reduce(0, +)); анализов: \(counters.analyses - 1) "
            + "(последний \(String(format: "%.1f", counters.lastAnalysisSeconds)) с)")
        print("Единиц анализа: \(counters.units); риск высокий: \(levels["high", default: 0]), средний: \(levels["medium", default: 0]), "
            + "низкий: \(levels["low", default: 0]); оповещений: \(counters.alertsIssued)")
        let outDirectory = state.appendingPathComponent("out")
        let decoder = JSONDecoder()
        let ranked = try String(contentsOf: outDirectory.appendingPathComponent("alerts.jsonl"), encoding: .utf8)
            .split(separator: "\n").map { try decoder.decode(UnitRecord.self, from: Data($0.utf8)) }
            .sorted { ($0.riskScore, $1.school) > ($1.riskScore, $0.school) }
        print("Начало рейтинга:")
        for unit in ranked.prefix(top) {
            let fired = unit.indicators.filter(\.fired).map { i in i.detail["direction"].map { "\(i.code)/\($0)" } ?? i.code }
            print(String(format: "  %.4f %@ %@ ВПР %d %@ %d класс, работ %d: %@", unit.riskScore, unit.riskLevel.rawValue, unit.school,
                         unit.year, unit.subject, unit.grade, unit.n, fired.joined(separator: ", ")))
        }
        print("Оповещения (по одному файлу на оповещение): \(outDirectory.path)/alerts/")
        print("Сводка для оператора о новых оповещениях (Markdown): \(outDirectory.path)/summaries/")
        print("Все единицы и текущие оповещения: \(outDirectory.path)/units.jsonl, alerts.jsonl")
        let lists = (try? FileManager.default.contentsOfDirectory(atPath: outDirectory.appendingPathComponent("recheck").path))?
            .filter { $0.hasSuffix(".xlsx") }.count ?? 0
        print("Списки для перепроверки предметными комиссиями (\(lists) XLSX и столько же CSV): \(outDirectory.path)/recheck/")
        print("Списки наблюдателей и ОО стабильно без признаков (XLSX и CSV): \(outDirectory.path)/lists/")
        if let data = FileManager.default.contents(atPath: confirmationFile.path),
           let report = try? JSONSerialization.jsonObject(with: data) as? [String: Any], let alerts = report["alerts"] as? [[String: Any]] {
            let confirmed = alerts.filter { $0["status"] as? String == "confirmed" }.count
            let notConfirmed = alerts.filter { $0["status"] as? String == "not_confirmed" }.count
            print("Перепроверка (комиссии смоделированы по истинной разметке): списков возвращено \(listNames.count), "
                + "оповещений подтверждено \(confirmed), не подтверждено \(notConfirmed); итоги: \(outDirectory.path)/recheck/Итоги_перепроверки.xlsx, "
                + "\(outDirectory.path)/confirmation.json")
        }
        print("Отчёт по региону (HTML, открывается без сети): \(outDirectory.path)/report.html")
        print("Принятые и отклонённые файлы: \(state.path)/archive/, \(state.path)/rejected/")
    }
}
