/// The ways a unit's results are bent in a simulated region (the ground truth's `type`).
public enum ManipulationType: String, Sendable, Hashable, CaseIterable, Codable {
    /// Works one or two points below a mark cut raised to the cut.
    case thresholdNudging = "threshold_nudging"
    /// Open-answer tasks (maximum ≥ 2) marked one point too generously.
    case lenientMarking = "lenient_marking"
    /// Pupils of one class helped during the test: near-identical answers on the hard tasks.
    case helpDuringTest = "help_during_test"
    /// ВПР scores raised so that the mark agrees with a higher journal mark.
    case towardJournal = "toward_journal"
    /// Journal marks inflated against the ВПР (more «Понизили»).
    case journalInflation = "journal_inflation"
    /// Grade 8 ВПР inflated while the same school's centrally marked ОГЭ is not.
    case vprAboveGIA = "vpr_above_gia"
    /// Grade 4 inflated (marked by the pupils' own teacher); the same pupils honest in grade 5.
    case cohortDrop = "cohort_drop"
    /// ОГЭ results one or two points below the minimum passing score raised to the minimum
    /// or one point above it (lenient marking of part 2, or help during the exam).
    case giaMinimumLift = "gia_minimum_lift"

    /// Whether the type bends the school's ГИА results rather than its ВПР works.
    public var touchesGIA: Bool { self == .giaMinimumLift }
}
