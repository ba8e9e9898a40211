public import Foundation

/// What the daemon has done since it started: for `/metrics`, the status line and tests.
public struct ServiceCounters: Sendable, Equatable {
    public var accepted = 0
    /// Rejected files by the reason's code.
    public var rejected: [String: Int] = [:]
    public var duplicates = 0
    /// Files taken in before a restart and only moved after it.
    public var recovered = 0
    public var analyses = 0
    public var lastAnalysisSeconds = 0.0
    public var lastSuccess: Date?
    public var units = 0
    public var unitsByLevel: [String: Int] = [:]
    public var alertsIssued = 0
    /// Cycles that failed (a full disk, an unwritable output) and were retried.
    public var failedCycles = 0
    /// Start-up recovery and the first analysis are done.
    public var ready = false
    /// Analysis durations: counts per upper bound of ``durationBuckets`` (the last is +∞), and their sum.
    public var durationCounts = [Int](repeating: 0, count: Self.durationBuckets.count + 1)
    public var durationSum = 0.0

    /// Upper bounds of the analysis-duration histogram, seconds.
    public static let durationBuckets = [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300]

    public init() {}

    /// Counts one analysis of `seconds`.
    public mutating func recordAnalysis(seconds: Double, at time: Date) {
        analyses += 1
        lastAnalysisSeconds = seconds
        lastSuccess = time
        durationSum += seconds
        durationCounts[Self.durationBuckets.firstIndex { seconds <= $0 } ?? Self.durationBuckets.count] += 1
    }
}
