#if canImport(Glibc)
import Glibc
#endif
import Foundation
import GRDB
import ObjectivityService
import ObjectivityTesting
import Testing

/// Faults around the running daemon: a full disk while it writes, a file gone after it was
/// claimed.
@Suite struct FaultTests {
    /// The daemon's file-size limit, as a full disk looks to it: writes past `bytes` fail
    /// (EFBIG; the service ignores SIGXFSZ). Lowering and raising the soft limit of a
    /// child needs no privilege.
    private func limitFileSize(of pid: pid_t, to bytes: UInt64?) -> Bool {
        // glibc's prlimit(2) wrapper is not in Swift's Glibc module.
        typealias Prlimit = @convention(c) (pid_t, Int32, UnsafePointer<rlimit>?, UnsafeMutablePointer<rlimit>?) -> Int32
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "prlimit") else { return false }
        let prlimit = unsafeBitCast(symbol, to: Prlimit.self)
        let resource = Int32(RLIMIT_FSIZE.rawValue)
        var current = rlimit()
        guard prlimit(pid, resource, nil, &current) == 0 else { return false }
        var wanted = current
        wanted.rlim_cur = bytes.map { rlim_t($0) } ?? current.rlim_max
        return prlimit(pid, resource, &wanted, nil) == 0
    }

    private func units(_ service: RunningService) -> String {
        (try? String(contentsOf: service.directories.out.appendingPathComponent("units.jsonl"), encoding: .utf8)) ?? ""
    }

    @Test func diskFullWhileWriting_keepsOutputsWhole_daemonRetries_andRecoversWhenSpaceReturns() throws {
        let service = try RunningService()
        try service.start()
        let pid = try #require(service.process?.processIdentifier)
        let good = Fixtures.uploads.appendingPathComponent("good")
        try service.upload(Data(contentsOf: good.appendingPathComponent("ВПР_2025_Математика_5_Ленинский.csv")), as: "ВПР_2025_Математика_5_Ленинский.csv")
        #expect(service.wait(seconds: 60) { units(service).contains("sch220150") })
        let before = units(service)

        // The disk fills: nothing can grow past 1 KiB.
        #expect(limitFileSize(of: pid, to: 1024))
        try service.upload(Data(contentsOf: good.appendingPathComponent("export_comma_quoted.csv")), as: "export_comma_quoted.csv")
        #expect(service.wait(seconds: 30) { service.log.contains("cycle failed") }, "the failure is logged: \(service.log)")
        usleep(1_000_000)
        #expect(service.process?.isRunning == true, "the daemon stays up")
        #expect(units(service) == before, "units.jsonl keeps its last complete version")
        for directory in [service.directories.out, service.directories.alerts, service.directories.out.appendingPathComponent("recheck")] {
            let temporaries = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).filter { $0.hasPrefix(".") }
            #expect(temporaries.isEmpty, "no half-written output in \(directory.lastPathComponent): \(temporaries)")
        }
        #expect(service.names(in: service.directories.rejected).isEmpty, "the upload is not blamed for the disk")
        #expect(service.log.contains("disk I/O error") && service.log.contains("transient=true"), "the reason is named: \(service.log)")

        // Space returns: the retry takes the second file in and the outputs catch up.
        #expect(limitFileSize(of: pid, to: nil))
        #expect(service.wait(seconds: 60) { units(service).contains("sch220153") }, "the second file analysed after the retry")
        #expect(service.names(in: service.directories.processing).isEmpty)
        let store = try StateStore(path: service.directories.database)
        let counts = try store.fileCounts()
        #expect((counts["accepted"] ?? 0) + (counts["partial"] ?? 0) == 2, "\(counts)")
        usleep(500_000)
        let alertFiles = service.names(in: service.directories.alerts).map { String($0.dropLast(5)) }
        #expect(alertFiles == (try store.alertIDs()), "alert files and the store agree")
        #expect(service.stop() == 0)
    }
}

/// The store locked by another process (an operator's `sqlite3` left in a transaction)
/// for longer than the daemon's 10 s busy timeout.
@Suite struct StoreLockTests {
    @Test func storeLockedFromOutside_uploadWaitsAndIsTakenInAfterwards_notRejected() throws {
        let service = try RunningService()
        try service.start()
        #expect(service.wait(seconds: 30) { service.log.contains("ready") })
        var configuration = Configuration()
        configuration.allowsUnsafeTransactions = true  // the point: a transaction left open
        let lock = try DatabaseQueue(path: service.directories.database.path, configuration: configuration)
        try lock.writeWithoutTransaction { try $0.execute(sql: "BEGIN EXCLUSIVE") }
        try service.upload(Data(contentsOf: Fixtures.uploads.appendingPathComponent("good/registry.csv")), as: "registry.csv")
        #expect(service.wait(seconds: 30) { service.log.contains("cycle failed") }, "busy beyond the timeout is logged: \(service.log)")
        #expect(service.log.contains("transient=true"))
        #expect(service.names(in: service.directories.rejected).isEmpty, "the upload is not blamed for the lock")
        try lock.writeWithoutTransaction { try $0.execute(sql: "ROLLBACK") }
        try lock.close()
        #expect(service.wait(seconds: 30) { service.log.contains("accepted") }, "taken in on the retry")
        #expect(service.names(in: service.directories.processing).isEmpty)
        #expect(service.process?.isRunning == true)
        #expect(service.stop() == 0)
    }
}
