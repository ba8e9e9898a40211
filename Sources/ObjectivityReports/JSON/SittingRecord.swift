public import ObjectivityCore

/// One line of `sittings.jsonl`: a sitting and the bunching at each of its cuts.
public struct SittingRecord: Codable, Sendable, Equatable {
    /// `ВПР`, or the ГИА exam (`ОГЭ`, `ЕГЭ`, `ГВЭ`).
    public var exam: String
    public var year: Int
    public var subject: String
    public var grade: Int
    public var works: Int
    public var schools: Int
    /// The conversion scale in force, as score ranges («2: 0–6, 3: 7–10, …»).
    public var scale: String
    public var cuts: [CutBunchingRecord]

    public init(sitting: Sitting, cuts: [CutBunchingRecord]) {
        exam = sitting.key.assessment
        year = sitting.key.year
        subject = sitting.key.subject
        grade = sitting.key.grade
        works = sitting.works.count
        schools = sitting.schools.count
        scale = sitting.scale.description
        self.cuts = cuts
    }
}
