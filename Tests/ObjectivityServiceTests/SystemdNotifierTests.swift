#if canImport(Glibc)
import Glibc
#endif
import Foundation
import ObjectivityService
import ObjectivityTesting
import Testing

/// sd_notify against a datagram socket the test opens itself (PID 1 here is not systemd).
@Suite struct SystemdNotifierTests {
    @Test func messages_arriveAsDatagrams_watchdogAtHalfTheInterval() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("notify.sock").path
        let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        #expect(fd >= 0)
        defer { close(fd) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (i, byte) in path.utf8.enumerated() { raw[i] = byte }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        #expect(bound == 0)
        var timeout = timeval(tv_sec: 2, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))

        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": path, "WATCHDOG_USEC": "20000000"])
        #expect(notifier.watchdogInterval == 10)
        func receive() -> String {
            var buffer = [UInt8](repeating: 0, count: 4096)
            let n = recv(fd, &buffer, buffer.count, 0)
            return n > 0 ? String(decoding: buffer[0..<n], as: UTF8.self) : ""
        }
        notifier.ready(status: "готов")
        #expect(receive() == "READY=1\nSTATUS=готов")
        notifier.watchdog()
        #expect(receive() == "WATCHDOG=1")
        notifier.stopping()
        #expect(receive() == "STOPPING=1")
        // Without the variable nothing is sent and nothing fails.
        SystemdNotifier(environment: [:]).ready(status: "x")
    }
}
