import Foundation

/// Wall-clock and CPU time of each stage of a command, with the memory resident at its
/// end, printed with `--timings` (to standard error, so that standard output stays the
/// report). CPU time over wall time is the cores' utilisation: 200 % is both of two cores
/// busy for the whole stage.
struct StageTimer {
    struct Stage {
        var name: String
        /// Wall-clock seconds.
        var seconds: Double
        /// User plus system CPU seconds of the process, all threads.
        var cpuSeconds: Double
        /// Resident memory at the end of the stage, bytes.
        var residentBytes: Int
    }

    private var started = Date()
    private var startedCPU = StageTimer.cpuSeconds()
    private(set) var stages: [Stage] = []

    /// Ends the current stage under `name` and starts the next.
    mutating func lap(_ name: String) {
        let now = Date(), cpu = Self.cpuSeconds()
        stages.append(Stage(name: name, seconds: now.timeIntervalSince(started), cpuSeconds: cpu - startedCPU,
                            residentBytes: Self.residentBytes()))
        started = now
        startedCPU = cpu
    }

    var report: String {
        let wall = stages.reduce(0) { $0 + $1.seconds }, cpu = stages.reduce(0) { $0 + $1.cpuSeconds }
        let lines = stages.map {
            String(format: "%@: %.2f s, CPU %.2f s (%.0f %%), resident %d MB", $0.name, $0.seconds, $0.cpuSeconds,
                   Self.utilisation($0.cpuSeconds, $0.seconds), $0.residentBytes / 1_000_000)
        }
        let total = String(format: "total: %.2f s, CPU %.2f s (%.0f %% of one core), peak resident %d MB", wall, cpu,
                           Self.utilisation(cpu, wall), Self.peakResidentBytes() / 1_000_000)
        return (lines + [total]).joined(separator: "\n") + "\n"
    }

    private static func utilisation(_ cpu: Double, _ wall: Double) -> Double { wall > 0 ? 100 * cpu / wall : 0 }

    /// User plus system time of this process so far, seconds.
    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    /// Peak resident memory of this process so far, bytes (getrusage's ru_maxrss is in KiB).
    static func peakResidentBytes() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss * 1024
    }

    /// Resident memory now, bytes (/proc/self/statm's second field, in pages).
    static func residentBytes() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8),
              let pages = text.split(separator: " ").dropFirst().first.flatMap({ Int($0) }) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }
}
