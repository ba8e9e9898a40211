import ObjectivityCore

/// The works of one school in one sitting, as the simulator draws and then bends them.
struct SimulatedUnit: Sendable {
    let school: Int
    let taskCount: Int
    /// Participant codes (persistent for a pupil across grades and years).
    var codes: [Int32] = []
    /// Class index within the school's cohort (А = 0, Б = 1, …).
    var classIndex: [UInt8] = []
    var variant: [UInt8] = []
    /// Latent ability of each pupil, logits (never written out).
    var abilities: [Double] = []
    /// Task scores, work-major, `WorkColumns.notAttempted` for a blank task.
    var scores: [Int8] = []
    var totals: [Int16] = []
    var marks: [Int8] = []
    /// Journal marks 2…5, `WorkColumns.noJournalMark` for «нет отметки».
    var journal: [Int8] = []

    var count: Int { totals.count }

    init(school: Int, taskCount: Int) {
        self.school = school
        self.taskCount = taskCount
    }

    /// Recomputes the total and the mark of work `w` from its task scores.
    mutating func rescore(_ w: Int, scale: MarkScale) {
        var total = 0
        for k in 0..<taskCount where scores[w * taskCount + k] > 0 { total += Int(scores[w * taskCount + k]) }
        totals[w] = Int16(total)
        marks[w] = Int8(scale.mark(forScore: total) ?? 2)
    }
}
