import ObjectivityCore
import ObjectivityReports
import Testing

@Suite struct UnitExplanationTests {
    private func sitting() -> Sitting {
        let key = SittingKey(year: 2025, subject: "Математика", grade: 5)
        var batch = WorkBatch(key: key, tasks: [TaskDescriptor(label: "1", maxScore: 20)])
        _ = batch.schoolID("sch1", municipality: "")
        var assembler = SittingAssembler(key: key)
        try? assembler.add(batch)
        return assembler.assemble(scale: MarkScale(cut3: 7, cut4: 11, cut5: 15, maxScore: 20))
    }

    private func indicator(_ code: String, direction: String? = nil, k: Double, n: Double, effect: Double) -> IndicatorResult {
        var result = IndicatorResult(code: code, direction: direction, test: HypothesisTestResult(
            statistic: k, parameter: n, pValue: 1e-6, estimate: effect, method: "", alternative: .greater))
        result.qValue = 1e-4
        result.fired = true
        return result
    }

    @Test func alertText_statesTheEvidenceInNumbers_inTheAllowedWords() {
        let unit = UnitResult(
            sitting: sitting().key, school: "sch1", works: 40,
            indicators: [indicator("threshold_peak", k: 12, n: 15, effect: 0.15),
                         indicator("journal_discrepancy", direction: "lowered", k: 20, n: 38, effect: 0.25)],
            riskScore: 0.8, riskLevel: .high)
        let text = UnitExplanation.text(for: unit, sitting: sitting())
        #expect(text.hasPrefix("Признаки необъективности результатов (риск: высокий), требует проверки."))
        #expect(text.contains("«3» — 7, «4» — 11, «5» — 15 перв. балла"))
        #expect(text.contains("ровно на границе 12 из 15 работ"))
        #expect(text.contains("ожидалось 6,0"))
        #expect(text.contains("(«Понизили») у 20 из 38 работ при ожидаемых для тех же баллов и уровня ОО 10,5"))
        #expect(text.contains("p < 0,0001, q = 0,0001"))
        #expect(text.contains("Признаки снимаются, если перепроверка"))
        #expect(!text.lowercased().contains("доказ"))
        #expect(!text.lowercased().contains("учител"))
    }
}

@Suite struct UnitExplanationAcrossYearsTests {
    @Test func jumpCohortAndPersistence_areExplainedInNumbers() {
        let key = SittingKey(year: 2025, subject: "Математика", grade: 4)
        var jump = IndicatorResult(code: "year_jump", direction: "level", detail: ["twos_change": -0.12],
                                   test: HypothesisTestResult(statistic: 4, parameter: 50, pValue: 1e-5, estimate: 0.62, method: "", alternative: .greater))
        var cohort = IndicatorResult(code: "cohort", detail: ["matched": 41, "later_year": 2026],
                                     test: HypothesisTestResult(statistic: 5, parameter: 50, pValue: 1e-6, estimate: 0.8, method: "", alternative: .greater))
        jump.fired = true
        cohort.fired = true
        var unit = UnitResult(sitting: key, school: "sch1", works: 50, indicators: [jump, cohort], riskScore: 0.8, riskLevel: .high)
        unit.earlierFlaggedYears = [2023, 2024]
        unit.priorWeight = 2.9
        var batch = WorkBatch(key: key, tasks: [TaskDescriptor(label: "1", maxScore: 20)])
        _ = batch.schoolID("sch1", municipality: "")
        var assembler = SittingAssembler(key: key)
        try? assembler.add(batch)
        let text = UnitExplanation.text(for: unit, sitting: assembler.assemble(scale: MarkScale(cut3: 7, cut4: 11, cut5: 15, maxScore: 20)))
        #expect(text.contains("средний балл выше на 0,6 ст. откл., доля «2» изменилась на -12,0 п.п."))
        #expect(text.contains("Через год (2026 г., на класс старше) те же ученики (41 чел.) показали результат ниже на 0,8 ст. откл."))
        #expect(text.contains("Признаки у ОО отмечались и ранее (2023, 2024 г.)"))
        #expect(text.contains("вес 2,9"))
    }
}
