public import Foundation

/// What the daemon has done since it started: for `/metrics`, the status line and tests.
public struct ServiceCounters: Sendable, Equatable {
    public var accepted = 0
    /// Rejected files by the reason's code.
    public var rejected: [String: Int] = [:]
    public var duplicates = 0
    /// Files taken in before a restart and only moved after it.
    public var recovered = 0
    public var queueDepth = 0
    public var analyses = 0
    public var lastAnalysisSeconds = 0.0
    public var lastSuccess: Date?
    public var units = 0
    public var unitsByLevel: [String: Int] = [:]
    public var alertsIssued = 0

    public init() {}
}
