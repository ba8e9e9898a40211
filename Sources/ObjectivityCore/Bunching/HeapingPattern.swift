/// Round-number heaping on a score lattice: bins whose index is `phase` modulo `period`
/// hold extra mass for reasons that have nothing to do with a threshold.
///
/// Romanian baccalaureate grades are means of two examiners' marks on a 0.05 lattice, so
/// x.x0 values are twice as common as x.x5 (period 2) and whole numbers are heaped again
/// (period 20). A bunching fit without these terms "finds" a peak at every whole number.
/// ВПР primary scores are plain integers: no pattern.
public struct HeapingPattern: Sendable, Hashable {
    /// Bins between two heaped bins, ≥ 2.
    public var period: Int
    /// Index (mod `period`) of the heaped bins.
    public var phase: Int

    public init(period: Int, phase: Int) {
        precondition(period >= 2, "a heaping period of at least 2 bins")
        self.period = period
        self.phase = ((phase % period) + period) % period
    }

    public func contains(_ bin: Int) -> Bool { ((bin % period) + period) % period == phase }
}
