/// What `simulate` wrote.
public struct SimulationSummary: Sendable {
    /// Input files written into `inbox/` (ВПР, ГИА, registry).
    public var files: Int
    /// ВПР works written.
    public var works: Int
    /// ГИА results written.
    public var giaResults: Int
    /// Units (school × year × subject × grade) with at least one work.
    public var units: Int
    /// Units whose results were bent.
    public var manipulatedUnits: Int
}
