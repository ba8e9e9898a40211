/// All works of one sitting (year × subject × grade) in columnar form, sorted by school.
///
/// The works of school `s` are rows `schoolOffsets[s]..<schoolOffsets[s + 1]`, so a
/// per-school statistic is a pass over a contiguous range of every column.
public struct Sitting: Sendable {
    public var key: SittingKey
    /// Task columns in export order.
    public var tasks: [TaskDescriptor]
    /// The conversion scale in force (known from `models/` or derived from the works).
    public var scale: MarkScale
    /// School logins (`schNNNNNN` / `eduNNNNNN`), indexed by school id.
    public var schools: InternedStrings
    /// Municipality id of each school, indexed by school id; see ``municipalities``.
    public var schoolMunicipality: [Int32]
    /// Municipality names.
    public var municipalities: InternedStrings
    /// Class labels (e.g. «5А»), indexed by class id.
    public var classes: InternedStrings
    /// Row offsets of each school: `schools.count + 1` entries.
    public var schoolOffsets: [Int]
    /// The works, sorted by school id.
    public var works: WorkColumns

    /// The rows of school `id`.
    public func rows(ofSchool id: Int32) -> Range<Int> {
        schoolOffsets[Int(id)]..<schoolOffsets[Int(id) + 1]
    }

    /// Maximum primary score: the sum of task maxima; for a ГИА sitting (no task columns)
    /// the scale's maximum or the highest score present.
    public var maxScore: Int {
        tasks.isEmpty ? max(scale.maxScore ?? 0, Int(works.primaryScore.max() ?? 0)) : tasks.reduce(0) { $0 + $1.maxScore }
    }
}
