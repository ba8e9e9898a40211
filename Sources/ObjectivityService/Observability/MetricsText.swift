import Foundation

/// `/metrics` in the Prometheus text format (version 0.0.4): what was processed and
/// rejected, how long analyses take, units by level, the queue, the last success.
public enum MetricsText {
    public static func render(_ c: ServiceCounters, queueDepth: Int) -> String {
        var lines: [String] = []
        func metric(_ name: String, _ type: String, _ help: String, _ samples: [(String, Double)]) {
            lines.append("# HELP \(name) \(help)")
            lines.append("# TYPE \(name) \(type)")
            for (labels, value) in samples { lines.append("\(name)\(labels) \(format(value))") }
        }
        metric("objectivity_files_processed_total", "counter", "Uploads taken to their end, by outcome.",
               [("{outcome=\"accepted\"}", Double(c.accepted)), ("{outcome=\"duplicate\"}", Double(c.duplicates)),
                ("{outcome=\"recovered\"}", Double(c.recovered)),
                ("{outcome=\"rejected\"}", Double(c.rejected.values.reduce(0, +)))])
        metric("objectivity_files_rejected_total", "counter", "Rejected uploads by reason code.",
               c.rejected.keys.sorted().map { ("{reason=\"\($0)\"}", Double(c.rejected[$0]!)) })
        lines.append("# HELP objectivity_analysis_duration_seconds Wall time of one analysis of the touched sittings.")
        lines.append("# TYPE objectivity_analysis_duration_seconds histogram")
        var cumulative = 0
        for (bound, count) in zip(ServiceCounters.durationBuckets.map { format($0) } + ["+Inf"], c.durationCounts) {
            cumulative += count
            lines.append("objectivity_analysis_duration_seconds_bucket{le=\"\(bound)\"} \(cumulative)")
        }
        lines.append("objectivity_analysis_duration_seconds_sum \(format(c.durationSum))")
        lines.append("objectivity_analysis_duration_seconds_count \(c.analyses)")
        metric("objectivity_units", "gauge", "Units of analysis (school x year x subject x grade) by risk level.",
               ["none", "low", "medium", "high"].map { ("{level=\"\($0)\"}", Double(c.unitsByLevel[$0, default: 0])) })
        metric("objectivity_alerts_issued_total", "counter", "Delta alerts written.", [("", Double(c.alertsIssued))])
        metric("objectivity_failed_cycles_total", "counter", "Cycles that failed (full disk, unwritable output) and were retried.",
               [("", Double(c.failedCycles))])
        metric("objectivity_queue_depth", "gauge", "Uploads waiting in the inbox.", [("", Double(queueDepth))])
        metric("objectivity_last_success_timestamp_seconds", "gauge", "End of the last successful analysis, Unix time.",
               [("", c.lastSuccess?.timeIntervalSince1970 ?? 0)])
        return lines.joined(separator: "\n") + "\n"
    }

    private static func format(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)
    }
}
