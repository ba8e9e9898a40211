import Foundation
import ObjectivityService
import ObjectivityTesting
import Testing

@Suite struct ServiceConfigurationTests {
    private func load(_ json: String) throws -> ServiceConfiguration {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("objectivity.json")
        try json.write(to: file, atomically: true, encoding: .utf8)
        return try ServiceConfiguration.load(path: file.path)
    }

    @Test func emptyObject_givesTheDocumentedDefaults() throws {
        let c = try load("{}")
        #expect(c == ServiceConfiguration())
        #expect(c.stateDirectory == "/var/lib/objectivity" && c.debounceSeconds == 2 && c.highQ == 0.01 && c.metricsPort == 9464)
    }

    @Test func badValues_nameTheKey() throws {
        for (json, key) in [(#"{"debounceSeconds": -1}"#, "debounceSeconds"), (#"{"metricsPort": 70000}"#, "metricsPort"),
                            (#"{"highQ": 0.1, "mediumQ": 0.05}"#, "highQ"), (#"{"rescanSeconds": "often"}"#, "rescanSeconds")] {
            do {
                _ = try load(json)
                Issue.record("accepted \(json)")
            } catch let error as ServiceConfiguration.Invalid {
                #expect(error.key == key, "\(json): \(error)")
                #expect(error.description.contains("objectivity.json"))
            }
        }
    }
}
