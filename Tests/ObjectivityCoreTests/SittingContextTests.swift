@testable import ObjectivityCore
import Testing

/// The contexts of many sittings made at once, each ГИА summary computed once and shared,
/// are what each sitting's own definition gives: its subject's selective schools, its
/// subject's ОГЭ level in its year, and its subject's ОГЭ of the pupils' own year when
/// the tables hold it (of its year otherwise).
@Suite struct SittingContextTests {
    /// Two years of ОГЭ (2024, 2025) in two subjects at six schools, one table per year.
    static func tables() -> [GIAResults] {
        var rng = SplitMix64(seed: 7)
        return [2024, 2025].map { year in
            var table = GIAResults()
            for subject in ["Математика", "Русский язык"] {
                let s = table.subjects.intern(subject)
                for school in 0..<6 {
                    let id = table.schools.intern("sch\(220_000 + school)")
                    for pupil in 0..<(5 + school) {
                        table.year.append(Int16(year))
                        table.exam.append(.oge)
                        table.subject.append(s)
                        table.school.append(id)
                        table.participantCode.append("\(school)-\(pupil)")
                        table.primaryScore.append(Int16(5 + school + Int(rng.nextUnit() * 20)))
                        table.testScore.append(GIAResults.absent)
                        table.mark.append(3)
                    }
                }
            }
            return table
        }
    }

    @Test func manySittingsAtOnce_areEachSittingsOwnContext() {
        let gia = Self.tables()
        let registry = [
            SchoolRecord(login: "sch220000", name: "Лицей № 1", municipality: "М", type: "лицей", advancedSubjects: [], locality: nil, pupils: nil),
            SchoolRecord(login: "sch220001", name: "СОШ № 2", municipality: "М", type: "СОШ", advancedSubjects: ["Русский язык"], locality: nil, pupils: nil),
        ]
        // Grade 8 in 2024 sits the ОГЭ in 2025, which the tables hold; the others' year is used.
        let keys = [SittingKey(year: 2024, subject: "Математика", grade: 8), SittingKey(year: 2024, subject: "Математика", grade: 5),
                    SittingKey(year: 2025, subject: "Русский язык", grade: 4), SittingKey(year: 2025, subject: "Математика", grade: 8),
                    SittingKey(year: 2024, subject: "Русский язык", grade: 8)]
        let contexts = SittingContext.contexts(for: keys, registry: registry, gia: gia)
        #expect(contexts.count == keys.count)
        for (key, context) in zip(keys, contexts) {
            let comparisonYear = key.year + 9 - key.grade == 2025 ? 2025 : key.year
            #expect(context.giaLevels == SittingContext.giaLevels(from: gia, exam: .oge, subject: key.subject, year: key.year))
            #expect(context.giaComparison == GIASummary.bySchool(from: gia, exam: .oge, subject: key.subject, year: comparisonYear))
            #expect(context.selectiveSchools == (key.subject == "Русский язык" ? ["sch220000", "sch220001"] : ["sch220000"]))
            #expect(context.giaLevels.count == 6 && context.giaComparison.count == 6)
        }
        // The cohort's own year differs from the sitting's: the comparison really moved.
        #expect(contexts[0].giaComparison != contexts[1].giaComparison)
        #expect(contexts[0].giaLevels == contexts[1].giaLevels)
    }
}
