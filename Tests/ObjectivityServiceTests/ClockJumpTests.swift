import Foundation
import ObjectivityService
import ObjectivityTesting
import Testing

/// The wall clock set back an hour, then forward two, under the running daemon (an
/// LD_PRELOAD shim shifts only that process's CLOCK_REALTIME): uploads are still taken in
/// within seconds. With timers on the wall clock, an upload whose debounce had begun when
/// the clock went back waited the hour out (as did a retry, the rescan and the watchdog).
@Suite struct ClockJumpTests {
    private func buildShim(into directory: URL) throws -> URL {
        let library = directory.appendingPathComponent("clock_shift.so")
        let outcome = try ProcessRun.run(URL(fileURLWithPath: "/usr/bin/env"),
                                         ["clang", "-shared", "-fPIC", "-O2", "-w", Fixtures.root.appendingPathComponent("fixtures/clock/clock_shift.c").path,
                                          "-o", library.path, "-ldl"])
        #expect(outcome.status == 0, "clang: \(outcome.standardError)")
        return library
    }

    /// How far ahead of the test's own clock the daemon stamped the log line naming `file`, seconds.
    private func daemonClockAhead(in log: String, file: String) -> Double? {
        guard let line = log.split(separator: "\n").first(where: { $0.contains("file=\(file)") }),
              let stamped = try? Date(String(line.prefix(24)), strategy: .iso8601) else { return nil }
        return stamped.timeIntervalSinceNow
    }

    @Test func wallClockJumps_doNotHoldUploads() throws {
        let service = try RunningService(settings: ["debounceSeconds": "2", "maxDelaySeconds": "4"])
        let shim = try buildShim(into: service.root)
        let shift = service.root.appendingPathComponent("shift")
        try "0".write(to: shift, atomically: true, encoding: .utf8)
        try service.start(environment: ["LD_PRELOAD": shim.path, "CLOCK_SHIFT_FILE": shift.path])
        #expect(service.wait(seconds: 30) { service.log.contains("ready") })
        let good = Fixtures.uploads.appendingPathComponent("good")

        try service.upload(Data(contentsOf: good.appendingPathComponent("registry.csv")), as: "registry.csv")
        usleep(500_000)  // the upload is seen; its debounce runs when the clock goes back
        try "-3600".write(to: shift, atomically: true, encoding: .utf8)
        #expect(service.wait(seconds: 15) { service.log.contains("file=registry.csv") }, "taken in with the clock an hour back: \(service.log)")
        let behind = daemonClockAhead(in: service.log, file: "registry.csv") ?? 0
        #expect((-3700 ... -3500).contains(behind), "the daemon's clock was an hour back: \(behind) s")

        try "7200".write(to: shift, atomically: true, encoding: .utf8)
        try service.upload(Data(contentsOf: good.appendingPathComponent("gia_2025.csv")), as: "gia_2025.csv")
        #expect(service.wait(seconds: 15) { service.log.contains("file=gia_2025.csv") }, "taken in with the clock two hours ahead: \(service.log)")
        let ahead = daemonClockAhead(in: service.log, file: "gia_2025.csv") ?? 0
        #expect((7100 ... 7300).contains(ahead), "the daemon's clock was two hours ahead: \(ahead) s")
        #expect(service.names(in: service.directories.inbox).isEmpty && service.names(in: service.directories.processing).isEmpty)
        #expect(service.stop() == 0)
    }
}
