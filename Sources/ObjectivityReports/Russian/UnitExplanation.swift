public import ObjectivityCore

/// The short Russian explanation of an alert: the signs, their evidence in numbers a
/// methodologist can check, and what would make them go away. Wording per DOMAIN.md:
/// «признаки», «риск», «требует проверки» — never proof, never about a person.
public enum UnitExplanation {
    public static func text(for unit: UnitResult, sitting: Sitting) -> String {
        let level = unit.riskLevel == .high ? "высокий" : unit.riskLevel == .medium ? "средний" : "низкий"
        let what = unit.sitting.isVPR ? "результатов" : "результатов \(unit.sitting.assessment)"
        var parts = ["Признаки необъективности \(what) (риск: \(level)), требует проверки."]
        for indicator in unit.indicators where indicator.fired {
            parts.append(sentence(for: indicator, works: unit.works, sitting: sitting))
        }
        parts += SignOrigin.origins(of: unit).map { $0.russian(for: unit.sitting) }
        if !unit.earlierFlaggedYears.isEmpty {
            parts.append("Признаки у ОО отмечались и ранее (\(unit.earlierFlaggedYears.map(String.init).joined(separator: ", ")) г.): "
                + "поэтому априорный риск повышен (вес \(format(unit.priorWeight)) в поправке на множественность).")
        }
        if unit.works < 20 {
            let who = unit.sitting.isVPR ? "работ" : "участников"
            parts.append("В ОО мало \(who) (\(unit.works)): распределение баллов малоинформативно, выводы ненадёжны.")
        }
        if unit.sitting.isVPR {
            parts.append("Признаки снимаются, если перепроверка работ независимой предметной комиссией подтвердит выставленные баллы.")
        } else {
            parts.append("Признаки снимаются, если перепроверка работ подтвердит баллы, а на следующем экзамене при независимом "
                + "наблюдении доля участников у минимального балла останется прежней.")
        }
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
        case ("gia_threshold_peak", _):
            let cuts = (3...5).compactMap { mark in sitting.scale.cut(for: mark).map { "«\(mark)» — \($0)" } }
            let where_ = sitting.key.giaExam == .ege ? "На минимальном первичном балле, дающем минимальный тестовый балл (\(sitting.scale.cut(for: 3) ?? 0))"
                : "На границах отметок (\(cuts.joined(separator: ", ")) перв. балла)"
            let onCuts = format(t.statistic - t.estimate * Double(works))
            return "\(where_) ровно на границе \(k) из \(n) участников, набравших от границы минус 2 балла до границы; "
                + "для ОО такого уровня ожидалось \(onCuts) (\(p), \(q)); избыток — \(percent(t.estimate)) участников ОО."
        case ("gia_minimum_share", _):
            let d = indicator.detail
            let cut = Int(d["minimum"] ?? 0), band = Int(d["band"] ?? 2)
            var text = "У минимального балла (\(cut)–\(cut + band - 1) перв. балла) \(Int(d["band_above"] ?? 0)) участников из \(works) "
                + "(\(percent(d["share"] ?? 0))), на 1–\(band) балла ниже — \(Int(d["band_below"] ?? 0)); для ОО такого уровня ожидалось "
                + "\(format(d["expected_above"] ?? 0)) и \(format(d["expected_below"] ?? 0)) (\(p), \(q)); избыток у минимума — "
                + "\(percent(t.estimate)) участников ОО."
            if let held = d["held_by_condition"] {
                text += " Ещё \(Int(held)) участников набрали не меньше минимума, но получили «2» по дополнительному условию (минимум по части работы)."
            }
            return text
        case ("gia_minimum_trend", _):
            let d = indicator.detail
            var text = "Доля участников у минимального балла: \(percent(d["previous_share"] ?? 0)) в \(Int(d["previous_year"] ?? 0)) г., "
                + "\(percent(d["share"] ?? 0)) сейчас; сверх того, что объясняет уровень ОО, она выросла на \(percent(t.estimate)) "
                + "± \(percent(d["change_se"] ?? 0)) (\(p), \(q))."
            if let trend = d["trend_per_year"], let se = d["trend_se"] {
                text += " За \(Int(d["years"] ?? 0)) г. избыток меняется на \(percent(trend)) ± \(percent(se)) в год."
            }
            return text
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
