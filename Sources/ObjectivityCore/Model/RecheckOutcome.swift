/// What an independent subject commission found when it rechecked one work.
public struct RecheckOutcome: Sendable, Hashable {
    public var sitting: SittingKey
    /// School login, lower case.
    public var school: String
    public var participantCode: String
    /// Primary score as the school marked it, in points.
    public var originalScore: Int
    /// Primary score after the recheck, in points; `nil` while the work is not yet rechecked.
    public var recheckedScore: Int?
    /// Rechecked task scores by task label, where the commission gave them.
    public var recheckedTasks: [String: Int]

    public init(sitting: SittingKey, school: String, participantCode: String, originalScore: Int, recheckedScore: Int?,
                recheckedTasks: [String: Int]) {
        self.sitting = sitting
        self.school = school
        self.participantCode = participantCode
        self.originalScore = originalScore
        self.recheckedScore = recheckedScore
        self.recheckedTasks = recheckedTasks
    }
}
