import Foundation
import ObjectivityIngest
import ObjectivityTesting
import Testing

/// Every file in fixtures/uploads has its exact expected outcome in expected.tsv
/// (written by fixtures/make_fixtures.py); the reader must produce exactly that.
@Suite struct FixtureCorpusTests {
    struct Expectation: CustomTestStringConvertible, Sendable {
        let path: String
        let kind: String
        let works: Int?
        let skipped: Int?
        let issues: [String]
        var testDescription: String { path }
    }

    static func expectations() throws -> [Expectation] {
        let text = try String(contentsOf: Fixtures.uploads.appendingPathComponent("expected.tsv"), encoding: .utf8)
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { line in
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            return Expectation(path: f[0], kind: f[1], works: Int(f[2]), skipped: Int(f[3]),
                               issues: f.count > 4 && !f[4].isEmpty ? f[4].split(separator: ",").map(String.init) : [])
        }
    }

    @Test func corpusCoversEveryFileOnDisk() throws {
        let listed = Set(try Self.expectations().map(\.path))
        var onDisk: Set<String> = []
        for folder in ["good", "bad"] {
            for name in try FileManager.default.contentsOfDirectory(atPath: Fixtures.uploads.appendingPathComponent(folder).path) {
                onDisk.insert("\(folder)/\(name)")
            }
        }
        #expect(listed == onDisk)
    }

    @Test(arguments: try FixtureCorpusTests.expectations())
    func fixture_readsToItsExpectedOutcome(_ expectation: Expectation) throws {
        let report = try Fixtures.reader().read(url: Fixtures.uploads.appendingPathComponent(expectation.path))
        if expectation.kind.hasPrefix("rejected:") {
            let code = String(expectation.kind.dropFirst("rejected:".count))
            #expect(report.error?.code.rawValue == code, "\(report.error.map(String.init(describing:)) ?? "accepted")")
            #expect(report.error?.isFileLevel == true)
            return
        }
        let content = try #require(report.content, "\(report.error.map(String.init(describing:)) ?? "")")
        let kinds: [String: TableKind] = ["vpr": .vprResults, "gia": .giaResults, "registry": .schoolRegistry, "recheck": .recheckOutcomes]
        #expect(content.kind == kinds[expectation.kind])
        let works: Int = switch content {
        case .vprResults(let f): f.batch.works.count
        case .giaResults(let f): f.results.count
        case .schoolRegistry(let f): f.schools.count
        case .recheckOutcomes(let f): f.outcomes.count
        }
        #expect(works == expectation.works)
        #expect(content.issues.skippedRows == expectation.skipped)
        let issues = content.issues.samples.map { error in
            "\(error.row ?? 0):\(error.column?.split(separator: " ").first ?? ""):\(error.code.rawValue)"
        }
        #expect(issues == expectation.issues)
    }
}
