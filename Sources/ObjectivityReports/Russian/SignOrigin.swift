public import ObjectivityCore

/// What a unit's fired signs point at, so that the reader knows whom to ask: the school,
/// whose own staff mark the ВПР (alerts speak of schools, never of teachers), the regional subject commission that marks the ГИА's
/// written answers, or the conduct of the test or exam itself.
public enum SignOrigin: String, Sendable, CaseIterable {
    /// ВПР works are marked in the school, by its teachers.
    case teacherMarking = "teacher_marking"
    /// ОГЭ and ЕГЭ part 2 (and the ГВЭ) are marked by the regional subject commission.
    case commissionMarking = "commission_marking"
    /// Help, copying or answers known in advance during the test or exam.
    case conduct

    /// The origins the unit's fired signs point at, in a fixed order.
    ///
    /// ВПР: near-identical works and person misfit point at the conduct of the test, the
    /// other signs at the marking in the school. ГИА: a peak exactly on a cut (works brought
    /// onto the cut, the scores just below emptied) is what marking of the written answers
    /// produces; more participants at the minimum without such a peak, or a rise at it from
    /// the year before without one, points rather at the conduct of the exam.
    public static func origins(of unit: UnitResult) -> [SignOrigin] {
        let fired = Set(unit.indicators.filter(\.fired).map(\.code))
        var found = Set<SignOrigin>()
        if unit.sitting.isVPR {
            if fired.contains("answer_similarity") || fired.contains("person_fit") { found.insert(.conduct) }
            if !fired.subtracting(["answer_similarity", "person_fit"]).isEmpty { found.insert(.teacherMarking) }
        } else {
            if fired.contains("gia_threshold_peak") {
                found.insert(.commissionMarking)
            } else if fired.contains("gia_minimum_share") || fired.contains("gia_minimum_trend") {
                found.insert(.conduct)
            }
        }
        return allCases.filter(found.contains)
    }

    /// The sentence that says it, for a unit of `sitting`.
    public func russian(for sitting: SittingKey) -> String {
        switch self {
        case .teacherMarking:
            return "На что указывают признаки: на проверку работ в самой ОО (ВПР проверяется в школе); "
                + "подтвердить или снять их может перепроверка работ независимой муниципальной предметной комиссией."
        case .commissionMarking:
            let marked = sitting.giaExam == .gve ? "работы ГВЭ" : "развёрнутые ответы (часть 2) \(sitting.assessment)"
            return "На что указывают признаки: пик ровно на границе указывает на проверку — \(marked) проверяет региональная "
                + "предметная комиссия, а не сама ОО; вопрос — к проверке работ участников этой ОО (перепроверка по решению ГЭК)."
        case .conduct:
            if sitting.isVPR {
                return "На что указывают признаки: совпадения и необычные ответы в работах указывают на проведение работы "
                    + "(подсказки, списывание), а не на проверку; на следующей ВПР рекомендуются независимые наблюдатели."
            }
            return "На что указывают признаки: участников у минимального балла больше без пика ровно на нём — это указывает скорее "
                + "на проведение экзамена (помощь в пункте проведения, ответы, известные заранее), чем на проверку; "
                + "на следующем экзамене рекомендуются независимые наблюдатели и проверка видеозаписей."
        }
    }
}
