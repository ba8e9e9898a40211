/// One task column of a ВПР results file: its label, its maximum score and its level.
public struct TaskDescriptor: Hashable, Sendable {
    /// The task label as printed in the export, e.g. `9.1` or `3K1`.
    public var label: String
    /// Maximum primary score of the task, in points (1…3 for most ВПР tasks).
    public var maxScore: Int
    /// Difficulty level from the row above the header, when the export has one.
    public var level: TaskLevel?

    public init(label: String, maxScore: Int, level: TaskLevel? = nil) {
        self.label = label
        self.maxScore = maxScore
        self.level = level
    }
}
