import Foundation
import Logging
import ObjectivityService
import ObjectivityTesting
import Testing

/// SIGHUP (the `.reload` event) re-reads the configuration file; a broken file leaves the
/// old configuration in force and the service running.
@Suite struct ConfigurationReloadTests {
    @Test func reload_takesTheNewValues_aBrokenFileKeepsTheOld() async throws {
        let root = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let file = root.appendingPathComponent("objectivity.json")
        try #"{"debounceSeconds": 1, "highQ": 0.01}"#.write(to: file, atomically: true, encoding: .utf8)
        var configuration = try ServiceConfiguration.load(path: file.path)
        configuration.stateDirectory = root.appendingPathComponent("state").path
        let daemon = try ServiceDaemon(configuration: configuration, configurationPath: file.path, models: try Fixtures.models(),
                                       notifier: SystemdNotifier(environment: [:]), logger: Logger(label: "test"))
        let (events, continuation) = AsyncStream<ServiceDaemon.Event>.makeStream()
        let running = Task { try await daemon.run(events: events) }

        try #"{"debounceSeconds": 5, "highQ": 0.005}"#.write(to: file, atomically: true, encoding: .utf8)
        continuation.yield(.reload)
        var reloaded = await daemon.currentConfiguration
        for _ in 0..<50 where reloaded.debounceSeconds != 5 {
            try await Task.sleep(for: .milliseconds(20))
            reloaded = await daemon.currentConfiguration
        }
        #expect(reloaded.debounceSeconds == 5 && reloaded.highQ == 0.005)
        #expect(reloaded.stateDirectory == configuration.stateDirectory, "the state directory stays")

        try #"{"debounceSeconds": -3}"#.write(to: file, atomically: true, encoding: .utf8)
        continuation.yield(.reload)
        continuation.yield(.tick)
        try await Task.sleep(for: .milliseconds(200))
        #expect(await daemon.currentConfiguration.debounceSeconds == 5)
        continuation.yield(.stop)
        try await running.value
    }
}
