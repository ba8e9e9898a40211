import ObjectivityCore
import Testing

/// Which sittings' participant codes the comparisons across years read: those a cohort of
/// the same pupils links (same subject, a grade and a year apart), and no others — the
/// scan lets the others go before the comparisons run.
@Suite struct CohortSittingsTests {
    static let keys = [2023, 2024, 2025].flatMap { year in
        [("Математика", 4), ("Русский язык", 4), ("Математика", 5), ("Русский язык", 5), ("Математика", 8)].map {
            SittingKey(year: year, subject: $0.0, grade: $0.1)
        }
    } + [SittingKey(assessment: "ОГЭ", year: 2024, subject: "Математика", grade: 9)]

    @Test func codesRead_exactlyWhereACohortLinksTwoSittings() {
        let reading = Self.keys.filter { CrossYearAnalysis.readsParticipantCodes(of: $0, among: Self.keys) }
        let expected = [SittingKey(year: 2023, subject: "Математика", grade: 4), SittingKey(year: 2023, subject: "Русский язык", grade: 4),
                        SittingKey(year: 2024, subject: "Математика", grade: 4), SittingKey(year: 2024, subject: "Русский язык", grade: 4),
                        SittingKey(year: 2024, subject: "Математика", grade: 5), SittingKey(year: 2024, subject: "Русский язык", grade: 5),
                        SittingKey(year: 2025, subject: "Математика", grade: 5), SittingKey(year: 2025, subject: "Русский язык", grade: 5)]
        #expect(Set(reading) == Set(expected))
    }

    @Test func aSittingAlone_readsNoCodes() {
        let key = SittingKey(year: 2025, subject: "Математика", grade: 4)
        #expect(!CrossYearAnalysis.readsParticipantCodes(of: key, among: [key]))
        #expect(!CrossYearAnalysis.readsParticipantCodes(of: key, among: [key, SittingKey(year: 2026, subject: "Русский язык", grade: 5)]))
    }
}
