import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Logging
import ObjectivityService
import ObjectivityTesting
import Testing

/// `/metrics` and `/health` scraped over HTTP from a running daemon.
@Suite struct MetricsServerTests {
    private func get(_ url: URL) async -> (Int, String)? {
        guard let (data, response) = try? await URLSession.shared.data(from: url) else { return nil }
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }

    @Test func metricsAndHealth_areServedOnLoopback() async throws {
        let root = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        var configuration = ServiceConfiguration()
        configuration.stateDirectory = root.path
        configuration.debounceSeconds = 0.1
        let daemon = try ServiceDaemon(configuration: configuration, configurationPath: nil, models: try Fixtures.models(),
                                       notifier: SystemdNotifier(environment: [:]), logger: Logger(label: "test"))
        // One good and one bad upload waiting before start-up.
        for path in ["good/vpr-2025-matematika-5.csv", "bad/empty.csv"] {
            let source = Fixtures.uploads.appendingPathComponent(path)
            try FileManager.default.copyItem(at: source, to: root.appendingPathComponent("inbox/\(source.lastPathComponent)"))
        }
        let port = 20_000 + Int.random(in: 0..<20_000)
        let server = Task { try await MetricsServer.application(daemon: daemon, port: port).run() }
        let (events, continuation) = AsyncStream<ServiceDaemon.Event>.makeStream()
        let running = Task { try await daemon.run(events: events) }
        defer {
            continuation.yield(.stop)
            server.cancel()
        }
        var health: (Int, String)?
        for _ in 0..<100 {
            health = await get(URL(string: "http://127.0.0.1:\(port)/health")!)
            if health?.0 == 200, await daemon.counters.analyses >= 2 { break }
            continuation.yield(.tick)
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(health?.0 == 200)
        #expect(health?.1.contains("\"status\":\"ok\"") == true)
        let metrics = try #require(await get(URL(string: "http://127.0.0.1:\(port)/metrics")!))
        #expect(metrics.0 == 200)
        #expect(metrics.1.contains("objectivity_files_processed_total{outcome=\"accepted\"} 1"))
        #expect(metrics.1.contains("objectivity_files_rejected_total{reason=\"empty_file\"} 1"))
        #expect(metrics.1.contains("objectivity_analysis_duration_seconds_count 2"))
        #expect(metrics.1.contains("objectivity_analysis_duration_seconds_bucket{le=\"+Inf\"} 2"))
        #expect(metrics.1.contains("objectivity_units{level=\"none\"}"))
        #expect(metrics.1.contains("objectivity_queue_depth 0"))
        #expect(metrics.1.contains("objectivity_last_success_timestamp_seconds 1"))
        continuation.yield(.stop)
        try await running.value
    }
}
