/// A subject and grade the simulated region sits every year.
public struct SittingSpecification: Sendable, Hashable, Codable {
    public var subject: String
    public var grade: Int

    public init(subject: String, grade: Int) {
        self.subject = subject
        self.grade = grade
    }
}
