#if canImport(Glibc)
import Glibc
#endif
import Foundation
import ObjectivityCore
import ObjectivityService
import ObjectivitySimulation
import ObjectivityTesting
import Testing

/// kill -9 at random moments while uploads arrive, 20 times, then a clean run: every file
/// is taken in exactly once, no output is half-written, no alert is lost or duplicated,
/// and SIGTERM stops the service within 10 s.
@Suite struct CrashSafetyTests {
    @Test func killedTwentyTimes_everyFileOnce_outputsWhole_alertsNeitherLostNorDuplicated() throws {
        let service = try RunningService()
        let directories = service.directories
        var region = RegionConfiguration()
        region.seed = 9
        region.schools = 80
        region.years = [2024, 2025]
        region.sittings = [SittingSpecification(subject: "Математика", grade: 4), SittingSpecification(subject: "Математика", grade: 5)]
        region.giaSubjects = []
        region.schoolFileShare = 1
        region.manipulatedSchoolShare = 0.3
        let simulated = service.root.appendingPathComponent("region")
        _ = try RegionSimulator(configuration: region, models: try Fixtures.models()).run(into: simulated)
        let uploads = try FileManager.default.contentsOfDirectory(at: simulated.appendingPathComponent("inbox"), includingPropertiesForKeys: nil)
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        func upload(_ file: URL) throws { try service.upload(Data(contentsOf: file), as: file.lastPathComponent) }

        var rng = SplitMix64(seed: 2026)
        var next = 0
        for _ in 0..<20 {
            try service.start()
            let deadline = Date().addingTimeInterval(0.05 + 1.2 * rng.nextUnit())
            while Date() < deadline {
                if next < uploads.count, rng.nextUnit() < 0.5 {
                    try upload(uploads[next])
                    next += 1
                }
                usleep(20_000)
            }
            service.crash()
        }
        while next < uploads.count {
            try upload(uploads[next])
            next += 1
        }
        // A last, undisturbed run until the inbox and processing/ are empty and the store is analysed.
        try service.start()
        let store = try StateStore(path: directories.database)
        var settled = false
        for _ in 0..<600 where !settled {
            usleep(100_000)
            let waiting = (try? FileManager.default.contentsOfDirectory(atPath: directories.inbox.path).count) ?? 1
            let claimed = (try? FileManager.default.contentsOfDirectory(atPath: directories.processing.path).count) ?? 1
            let counts = try store.fileCounts()
            settled = waiting == 0 && claimed == 0 && counts.values.reduce(0, +) == uploads.count
        }
        #expect(settled, "all files taken in")
        // The last debounce and analysis: until units.jsonl holds every simulated unit.
        let expectedUnits = try String(contentsOf: simulated.appendingPathComponent("truth.csv"), encoding: .utf8)
            .split(separator: "\n").count - 1
        for _ in 0..<600 {
            let lines = (try? String(contentsOf: directories.out.appendingPathComponent("units.jsonl"), encoding: .utf8))?
                .split(separator: "\n").count ?? 0
            if lines >= expectedUnits { break }
            usleep(100_000)
        }
        usleep(500_000)  // the outputs after units.jsonl (lists, report)
        let stopAsked = Date()
        let status = service.stop()
        #expect(Date().timeIntervalSince(stopAsked) < 10, "SIGTERM honoured within 10 s")
        #expect(status == 0)

        // Exactly once: one ledger row and one archived copy per file, nothing left behind.
        #expect(try store.fileCounts().values.reduce(0, +) == uploads.count)
        let archived = try FileManager.default.contentsOfDirectory(atPath: directories.archive.path)
            .filter { !$0.hasPrefix(".") && !$0.hasSuffix(".warnings.txt") && $0 != "duplicates" }
        #expect(archived.count == uploads.count)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directories.duplicates.path).isEmpty)
        // No output half-written: no temporary left, every output parses.
        for directory in [directories.out, directories.alerts] {
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasPrefix(".") }.isEmpty)
        }
        let alertFiles = try FileManager.default.contentsOfDirectory(atPath: directories.alerts.path).sorted()
        for name in alertFiles {
            let data = try Data(contentsOf: directories.alerts.appendingPathComponent(name))
            #expect((try? JSONSerialization.jsonObject(with: data)) != nil, "\(name) is whole JSON")
        }
        // No alert lost or duplicated: the files and the store agree one to one, and every
        // unit now at medium or high has an alert at its level or above.
        #expect(alertFiles.map { String($0.dropLast(5)) } == (try store.alertIDs()))
        let units = try String(contentsOf: directories.out.appendingPathComponent("units.jsonl"), encoding: .utf8)
            .split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(units.count == expectedUnits)
        let latest = try store.latestAlerts()
        let order: [String: Int] = ["none": 0, "low": 1, "medium": 2, "high": 3]
        for unit in units where order[unit["risk_level"] as! String]! >= 2 {
            let key = "\(unit["year"]!)|\(unit["subject"]!)|\(unit["grade"]!)|\(unit["school"]!)"
            let alert = latest[key]
            #expect(alert != nil && order[alert!.riskLevel.rawValue]! >= order[unit["risk_level"] as! String]!, "\(key)")
        }
    }
}
