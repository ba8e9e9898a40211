/// Task structures of known assessments by subject and grade (`models/tasks.csv`).
public struct TaskCatalogue: Sendable, Equatable {
    private struct Key: Hashable {
        var assessment: String
        var subject: String
        var grade: Int
    }

    private var tasks: [Key: [TaskSpecification]] = [:]

    public init() {}

    /// Appends `task` to the structure of (`assessment`, `subject`, `grade`), in file order.
    public mutating func append(_ task: TaskSpecification, assessment: String, subject: String, grade: Int) {
        tasks[Key(assessment: assessment, subject: subject, grade: grade), default: []].append(task)
    }

    /// The tasks of an assessment in a subject and grade, in export order.
    public func tasks(assessment: String, subject: String, grade: Int) -> [TaskSpecification] {
        tasks[Key(assessment: assessment, subject: subject, grade: grade)] ?? []
    }
}
