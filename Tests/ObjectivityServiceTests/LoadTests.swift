#if canImport(Glibc)
import Glibc
#endif
import Foundation
import ObjectivityCore
import ObjectivityService
import ObjectivitySimulation
import ObjectivityTesting
import Testing

/// A thousand uploads at once into the running daemon, and as many again dropped in while
/// it analyses: each taken in exactly once; the throughput is printed.
@Suite struct LoadTests {
    @Test func twoThousandUploads_halfAtOnce_halfDuringAnalysis_eachTakenInOnce() throws {
        let service = try RunningService()
        var region = RegionConfiguration()
        region.seed = 17
        region.schools = 500
        region.years = [2025]
        region.sittings = [SittingSpecification(subject: "Математика", grade: 4), SittingSpecification(subject: "Математика", grade: 5),
                           SittingSpecification(subject: "Русский язык", grade: 4), SittingSpecification(subject: "Русский язык", grade: 5)]
        region.giaSubjects = []
        region.schoolFileShare = 1
        let staging = service.root.appendingPathComponent("region")
        _ = try RegionSimulator(configuration: region, models: try Fixtures.models()).run(into: staging)
        let files = try FileManager.default.contentsOfDirectory(at: staging.appendingPathComponent("inbox"), includingPropertiesForKeys: nil)
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        #expect(files.count >= 2000)
        let expectedUnits = try String(contentsOf: staging.appendingPathComponent("truth.csv"), encoding: .utf8).split(separator: "\n").count - 1
        try service.start()
        #expect(service.wait(seconds: 30) { service.log.contains("ready") })
        let inbox = service.directories.inbox
        func drop(_ file: URL) { #expect(rename(file.path, inbox.appendingPathComponent(file.lastPathComponent).path) == 0) }

        let started = Date()
        let half = files.count / 2
        for file in files[..<half] { drop(file) }
        // The second half in tens while the first is taken in and analysed.
        #expect(service.wait(seconds: 120) { service.log.contains("sittings=") && service.log.contains("accepted") })
        for (i, file) in files[half...].enumerated() {
            drop(file)
            if i % 10 == 9 { usleep(20_000) }
        }
        let store = try StateStore(path: service.directories.database)
        let settled = try service.wait(seconds: 600) {
            let taken = try store.fileCounts().values.reduce(0, +)
            return service.names(in: inbox).isEmpty && service.names(in: service.directories.processing).isEmpty && taken == files.count
        }
        let seconds = Date().timeIntervalSince(started)
        #expect(settled)
        #expect(service.wait(seconds: 120) {
            ((try? String(contentsOf: service.directories.out.appendingPathComponent("units.jsonl"), encoding: .utf8))?
                .split(separator: "\n").count ?? 0) == expectedUnits
        }, "every unit analysed")
        let analysed = Date().timeIntervalSince(started)
        print(String(format: "load: %d uploads taken in in %.1f s (%.0f files/s), all %d units analysed after %.1f s; daemon peak RSS %d MiB",
                     files.count, seconds, Double(files.count) / seconds, expectedUnits, analysed, (service.peakResidentBytes() ?? 0) >> 20))
        // Exactly once: one ledger row, one archived copy each; nothing rejected or duplicated.
        #expect(try store.fileCounts().values.reduce(0, +) == files.count)
        let archived = service.names(in: service.directories.archive).filter { !$0.hasSuffix(".warnings.txt") && $0 != "duplicates" }
        #expect(archived.count == files.count)
        #expect(service.names(in: service.directories.duplicates).isEmpty)
        #expect(service.names(in: service.directories.rejected).isEmpty)
        #expect(service.stop() == 0)
    }
}
