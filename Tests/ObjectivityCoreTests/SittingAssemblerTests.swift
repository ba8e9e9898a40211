import ObjectivityCore
import Testing

@Suite struct SittingAssemblerTests {
    private let key = SittingKey(year: 2025, subject: "Математика", grade: 5)
    private let tasks = [TaskDescriptor(label: "1", maxScore: 1), TaskDescriptor(label: "2", maxScore: 2, level: .advanced)]

    private func batch(_ rows: [(school: String, code: String, scores: [Int8])]) -> WorkBatch {
        var batch = WorkBatch(key: key, tasks: tasks)
        for row in rows {
            let school = batch.schoolID(row.school, municipality: "Ленинский")
            let cls = batch.classes.intern("5А")
            let total = row.scores.reduce(0) { $0 + Int16(max($1, 0)) }
            Array(row.code.utf8).withUnsafeBufferPointer { code in
                batch.works.append(
                    school: school, classID: cls, participantCode: code, variant: 1,
                    scores: row.scores, primaryScore: total, mark: 3, journalMark: WorkColumns.noJournalMark)
            }
        }
        return batch
    }

    @Test func batchesOfOneSitting_areSortedBySchoolWithOffsets() throws {
        var assembler = SittingAssembler(key: key)
        try assembler.add(batch([("sch1", "a", [1, 2]), ("sch2", "b", [0, 1]), ("sch1", "c", [1, -1])]))
        try assembler.add(batch([("sch2", "d", [1, 0]), ("sch3", "e", [0, 0])]))
        let sitting = assembler.assemble(scale: MarkScale(cut3: 1, cut4: 2, cut5: 3, maxScore: 3))
        #expect(sitting.schools.values == ["sch1", "sch2", "sch3"])
        #expect(sitting.schoolOffsets == [0, 2, 4, 5])
        #expect((0..<5).map { sitting.works.participantCode[$0] } == ["a", "c", "b", "d", "e"])
        #expect(Array(sitting.works.taskScores(ofWork: 1)) == [1, WorkColumns.notAttempted])
        #expect(sitting.rows(ofSchool: 1) == 2..<4)
        #expect(sitting.maxScore == 3)
    }

    @Test func batchWithOtherTasks_isRefused() throws {
        var assembler = SittingAssembler(key: key)
        try assembler.add(batch([("sch1", "a", [1, 2])]))
        var other = WorkBatch(key: key, tasks: [TaskDescriptor(label: "1", maxScore: 1)])
        other.works = WorkColumns(taskCount: 1)
        #expect(throws: SittingAssembler.Mismatch.self) { try assembler.add(other) }
    }
}
