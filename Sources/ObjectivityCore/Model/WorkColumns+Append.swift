extension WorkColumns {
    /// Appends one work. `scores` must hold exactly ``taskCount`` values.
    ///
    /// Concrete parameter types on purpose: this is called once per work by the readers
    /// in another module, where a generic signature would cost a metadata lookup per call.
    public mutating func append(
        school: Int32, classID: Int32, participantCode: UnsafeBufferPointer<UInt8>, variant: Int16,
        scores: [Int8], primaryScore: Int16, mark: Int8, journalMark: Int8
    ) {
        precondition(scores.count == taskCount, "one score per task")
        self.school.append(school)
        self.classID.append(classID)
        self.participantCode.append(participantCode)
        self.variant.append(variant)
        self.taskScores.append(contentsOf: scores)
        self.primaryScore.append(primaryScore)
        self.mark.append(mark)
        self.journalMark.append(journalMark)
    }

    /// Appends every work of `other`, which must have the same task count, passing its
    /// school and class ids through `schoolMap` and `classMap`.
    public mutating func append(contentsOf other: WorkColumns, schoolMap: [Int32], classMap: [Int32]) {
        precondition(other.taskCount == taskCount, "same task columns")
        school.append(contentsOf: other.school.lazy.map { schoolMap[Int($0)] })
        classID.append(contentsOf: other.classID.lazy.map { classMap[Int($0)] })
        for i in 0..<other.count { participantCode.append(other.participantCode.utf8(at: i)) }
        variant.append(contentsOf: other.variant)
        taskScores.append(contentsOf: other.taskScores)
        primaryScore.append(contentsOf: other.primaryScore)
        mark.append(contentsOf: other.mark)
        journalMark.append(contentsOf: other.journalMark)
    }
}
