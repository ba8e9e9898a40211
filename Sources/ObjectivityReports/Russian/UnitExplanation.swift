public import ObjectivityCore

/// The short Russian explanation of an alert: the signs, their evidence in numbers a
/// methodologist can check, and what would make them go away. Wording per DOMAIN.md:
/// «признаки», «риск», «требует проверки» — never proof, never about a person.
public enum UnitExplanation {
    public static func text(for unit: UnitResult, sitting: Sitting) -> String {
        let level = unit.riskLevel == .high ? "высокий" : unit.riskLevel == .medium ? "средний" : "низкий"
        var parts = ["Признаки необъективности результатов (риск: \(level)), требует проверки."]
        for indicator in unit.indicators where indicator.fired {
            parts.append(sentence(for: indicator, works: unit.works, sitting: sitting))
        }
        if !unit.earlierFlaggedYears.isEmpty {
            parts.append("Признаки у ОО отмечались и ранее (\(unit.earlierFlaggedYears.map(String.init).joined(separator: ", ")) г.): "
                + "поэтому априорный риск повышен (вес \(format(unit.priorWeight)) в поправке на множественность).")
        }
        if unit.works < 20 {
            parts.append("В ОО мало работ (\(unit.works)): распределение баллов малоинформативно, выводы ненадёжны.")
        }
        parts.append("Признаки снимаются, если перепроверка работ независимой предметной комиссией подтвердит выставленные баллы.")
        return parts.joined(separator: " ")
    }

    private static func sentence(for indicator: IndicatorResult, works: Int, sitting: Sitting) -> String {
        let t = indicator.test
        let k = Int(t.statistic), n = Int(t.parameter ?? 0)
        let expected = format(t.statistic - t.estimate * Double(max(n, 1)))
        let p = "p " + pValue(t.pValue), q = "q " + pValue(indicator.qValue)
        switch (indicator.code, indicator.direction) {
        case ("threshold_peak", _):
            let cuts = (3...5).compactMap { mark in sitting.scale.cut(for: mark).map { "«\(mark)» — \($0)" } }
            let onCuts = format(t.statistic - t.estimate * Double(works))
            return "На границах отметок (\(cuts.joined(separator: ", ")) перв. балла) ровно на границе \(k) из \(n) работ, "
                + "набравших от границы минус 2 балла до границы; для ОО такого уровня ожидалось \(onCuts) (\(p), \(q)); "
                + "избыток — \(percent(t.estimate)) работ ОО."
        case ("high_results", _):
            return "Результаты заметно выше, чем у ОО региона: с поправкой на число работ уровень ОО выше среднего "
                + "на \(format(t.estimate)) перв. балла (\(p), \(q))."
        case ("distribution", _):
            return "Распределение первичных баллов ОО отличается от ожидаемого для ОО такого уровня "
                + "(расстояние \(percent(t.estimate)) работ; \(p), \(q))."
        case ("answer_similarity", let direction):
            let groups = indicator.groups.map { "коды " + $0.joined(separator: ", ") }.joined(separator: "; ")
            let listed = groups.isEmpty ? "" : " Группы почти одинаковых работ: \(groups)."
            let what = direction == "near_identical"
                ? "Работ ОО, совпадающих по всем заданиям, кроме не более чем одного, \(k) пар при ожидаемых по их баллам и трудности заданий \(format(indicator.detail["expected_pairs"] ?? 0))"
                : "Пары работ ОО совпадают по заданиям, включая одинаковые ошибки, чаще, чем предсказывают их баллы и трудность заданий"
            return "\(what) (\(p), \(q)).\(listed)"
        case ("peer_outlier", _):
            return "По профилю результатов (уровень и разброс баллов, доли отметок, выполнение заданий, тип и размер ОО) "
                + "ОО далека от своей группы сходных ОО региона: \(format(t.estimate)) устойчивых ст. откл. (\(p), \(q))."
        case ("person_fit", _):
            return "Работы ОО чаще, чем работы региона с теми же баллами, содержат решённые трудные части заданий при "
                + "нерешённых лёгких (индекс U3poly в среднем \(format(t.statistic * 100)) % против ожидаемых "
                + "\(format((t.statistic - t.estimate) * 100)) %; \(p), \(q))."
        case ("task_inversion", _):
            return "Задания повышенного и высокого уровня (с развёрнутым ответом) выполнены лучше, чем предсказывают "
                + "базовые задания тех же работ: в среднем на \(format(t.estimate)) балла на работу больше ожидаемого (\(p), \(q))."
        case ("journal_discrepancy", "confirmed"):
            return "Отметка ВПР совпадает с отметкой по журналу («Подтвердили») у \(k) из \(n) работ при ожидаемых для ОО такого уровня \(expected) (\(p), \(q))."
        case ("journal_discrepancy", "raised"):
            return "Отметка ВПР выше отметки по журналу («Повысили») у \(k) из \(n) работ при ожидаемых для ОО такого уровня \(expected): отметки ВПР выглядят завышенными (\(p), \(q))."
        case ("journal_discrepancy", "lowered"):
            return "Отметка ВПР ниже отметки по журналу («Понизили») у \(k) из \(n) работ при ожидаемых для тех же баллов и уровня ОО \(expected): отметки в журнале выглядят завышенными (\(p), \(q))."
        case ("journal_discrepancy", "spread"):
            return "Журнальные отметки разбросаны вокруг ожидаемых по баллам ВПР сильнее, чем в регионе: часть отметок выше "
                + "ожидаемого при прочих обычных (избыток дисперсии \(format(t.estimate)) балла²; \(p), \(q))."
        case ("journal_discrepancy", "inflated_journal"):
            return "Совокупность признаков завышения журнальных отметок («Понизили» чаще ожидаемого, разброс журнальных "
                + "отметок, изменение по сравнению с другими годами ОО) по методу Фишера (\(p), \(q))."
        case ("vpr_vs_gia", _):
            return "Результаты ВПР выше, чем предсказывают результаты той же ОО на ОГЭ (проверяемом централизованно) "
                + "по связи ВПР и ОГЭ в регионе: на \(format(t.estimate)) ст. откл. (\(p), \(q))."
        case ("year_jump", "level"):
            let twos = indicator.detail["twos_change"] ?? 0
            return "Резкий рост результатов по сравнению с другими годами той же ОО в этом предмете и классе: "
                + "средний балл выше на \(format(t.estimate)) ст. откл., доля «2» изменилась на \(format(twos * 100)) п.п. (\(p), \(q))."
        case ("year_jump", "journal"):
            return "Отметки в журнале стали заметно щедрее, чем в другие годы в той же ОО: доля «Понизили» сверх ожидаемой "
                + "выросла на \(percent(t.estimate)) работ (\(p), \(q))."
        case ("cohort", _):
            let matched = Int(indicator.detail["matched"] ?? 0)
            let later = Int(indicator.detail["later_year"] ?? 0)
            let who = matched >= CrossYearAnalysis.minimumMatchedPupils ? "те же ученики (\(matched) чел.)" : "та же параллель"
            return "Через год (\(later) г., на класс старше) \(who) показали результат ниже на \(format(t.estimate)) ст. откл. "
                + "относительно региона (\(p), \(q))."
        case ("journal_discrepancy", _):
            return "Отметка в журнале выше отметки ВПР на 2 балла и более у \(k) из \(n) работ при ожидаемых \(expected) (\(p), \(q))."
        default:
            return "Показатель \(indicator.code): \(p), \(q)."
        }
    }

    private static func format(_ x: Double) -> String {
        let rounded = (x * 10).rounded() / 10
        return String(rounded).replacingOccurrences(of: ".", with: ",")
    }

    private static func percent(_ share: Double) -> String { format(share * 100) + " %" }

    /// «= 0,0123» or «< 0,0001».
    private static func pValue(_ x: Double) -> String {
        if x < 0.0001 { return "< 0,0001" }
        return "= " + String((x * 10_000).rounded() / 10_000).replacingOccurrences(of: ".", with: ",")
    }
}
