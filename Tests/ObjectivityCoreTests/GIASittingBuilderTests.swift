import ObjectivityCore
import Testing

@Suite struct GIASittingBuilderTests {
    /// A table of rows (exam, subject, school, primary, test, mark) for 2025.
    static func table(_ rows: [(GIAExam, String, String, Int, Int, Int)]) -> GIAResults {
        var t = GIAResults()
        for (i, r) in rows.enumerated() {
            t.year.append(2025)
            t.exam.append(r.0)
            t.subject.append(t.subjects.intern(r.1))
            t.school.append(t.schools.intern(r.2))
            t.participantCode.append("p\(i)")
            t.primaryScore.append(Int16(r.3))
            t.testScore.append(Int16(r.4))
            t.mark.append(Int16(r.5))
        }
        return t
    }

    @Test func ruleOfOGEMathematics_usesTheTotalAsTheEffectiveCut_andCountsWhomThePartHeldBack() throws {
        var minimums = GIAMinimumCatalogue()
        minimums.add(GIAMinimum(exam: .oge, fromYear: 2023, subject: "Математика", measure: .primary, minimum: 8,
                                part: "задания по геометрии", partMinimum: 2, source: "test"))
        // Two schools; at 8 and 9 points some pupils earn a «3», some a «2» (geometry short).
        var rows: [(GIAExam, String, String, Int, Int, Int)] = []
        for s in 0..<30 { rows.append((.oge, "Математика", "sch2", [3, 5, 6, 7, 8, 9, 10, 12, 16, 20][s % 10], -1, 0)) }
        for s in 0..<30 { rows.append((.oge, "Математика", "sch1", [4, 6, 7, 8, 8, 9, 11, 13, 15, 23][s % 10], -1, 0)) }
        for i in rows.indices {
            let score = rows[i].3
            rows[i].5 = score >= 22 ? 5 : score >= 15 ? 4 : score >= 8 ? 3 : 2
        }
        for i in [4, 14, 24] { rows[i].5 = 2 }  // sch2: 8 points, geometry short
        let sittings = GIASittingBuilder(minimums: minimums, scales: ScaleCatalogue(), municipalityOfSchool: ["sch1": "Северный"])
            .sittings(from: [Self.table(rows)])
        let sitting = try #require(sittings.first)
        #expect(sittings.count == 1)
        #expect(sitting.key == SittingKey(assessment: "ОГЭ", year: 2025, subject: "Математика", grade: 9))
        #expect(sitting.scale.cut(for: 3) == 8 && sitting.scale.cut(for: 4) == 15 && sitting.scale.cut(for: 5) == 23)  // the lowest «5» seen
        // Schools in login order, their rows contiguous; municipalities from the registry.
        #expect(sitting.schools.values == ["sch1", "sch2"])
        #expect(sitting.rows(ofSchool: 0) == 0..<30 && sitting.rows(ofSchool: 1) == 30..<60)
        #expect(sitting.municipalities[sitting.schoolMunicipality[0]] == "Северный")
        #expect(sitting.tasks.isEmpty && sitting.maxScore == 23)
        let analysis = SittingAnalysis(sitting: sitting, seed: 1)
        let sch2 = try #require(analysis.units.first { $0.school == "sch2" })
        let share = try #require(sch2.indicators.first { $0.code == "gia_minimum_share" })
        #expect(share.detail["held_by_condition"] == 3)  // rows 4, 14, 24
        #expect(share.detail["minimum"] == 8)
        #expect(Set(sch2.indicators.map(\.code)) == ["gia_threshold_peak", "gia_minimum_share"])
        #expect(analysis.peerGroups == nil)
    }

    @Test func ege_findsThePrimaryScoreThatReachesTheMinimumTestScore() throws {
        var minimums = GIAMinimumCatalogue()
        minimums.add(GIAMinimum(exam: .ege, fromYear: 2023, subject: "Русский язык", measure: .test, minimum: 24, source: "test"))
        // Primary 9 → test 22, 10 → 24, 11 → 26: the effective cut is 10 primary points.
        let rows: [(GIAExam, String, String, Int, Int, Int)] = (0..<40).map { i in
            let primary = 5 + i % 10
            return (.ege, "Русский язык", "sch\(i % 3)", primary, 2 * primary + 4, -1)
        }
        let sitting = try #require(GIASittingBuilder(minimums: minimums, scales: ScaleCatalogue(), municipalityOfSchool: [:])
            .sittings(from: [Self.table(rows)]).first)
        #expect(sitting.key.assessment == "ЕГЭ" && sitting.key.grade == 11)
        #expect(sitting.scale.cut(for: 3) == 10 && sitting.scale.cut(for: 4) == nil)
        // The mark column says who reached the minimum.
        #expect(zip(sitting.works.primaryScore, sitting.works.mark).allSatisfy { ($0 >= 10) == ($1 == 3) })
    }

    @Test func egeWithoutAKnownMinimum_isLeftOut_andGVEUsesTheMarksOfItsRows() {
        var rows: [(GIAExam, String, String, Int, Int, Int)] = (0..<20).map { i in (.ege, "Химия", "sch1", i, 3 * i, -1) }
        rows += (0..<20).map { i in (.gve, "Математика", "sch1", i, -1, i >= 12 ? 4 : i >= 6 ? 3 : 2) }
        let sittings = GIASittingBuilder(minimums: GIAMinimumCatalogue(), scales: ScaleCatalogue(), municipalityOfSchool: [:])
            .sittings(from: [Self.table(rows)])
        #expect(sittings.map(\.key.assessment) == ["ГВЭ"])
        #expect(sittings.first?.scale.cut(for: 3) == 6 && sittings.first?.scale.cut(for: 4) == 12)
    }
}
