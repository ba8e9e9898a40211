import Foundation

/// Wall-clock time of each stage of a command, printed with `--timings` (to standard
/// error, so that standard output stays the report).
struct StageTimer {
    private var started = Date()
    private(set) var stages: [(name: String, seconds: Double)] = []

    /// Ends the current stage under `name` and starts the next.
    mutating func lap(_ name: String) {
        let now = Date()
        stages.append((name, now.timeIntervalSince(started)))
        started = now
    }

    var report: String {
        let total = stages.reduce(0) { $0 + $1.seconds }
        return (stages.map { String(format: "%@: %.2f s", $0.name, $0.seconds) } + [String(format: "total: %.2f s", total)])
            .joined(separator: "\n") + "\n"
    }
}
