/// Short Russian names of the indicator families, for lists people read.
public enum SignNames {
    public static func russian(_ family: String) -> String {
        switch family {
        case "threshold_peak": "пики на границах отметок"
        case "distribution": "необычное распределение баллов"
        case "task_inversion": "сложные задания выполнены лучше базовых"
        case "peer_outlier": "результаты не похожи на ОО своей группы"
        case "person_fit": "в работах решены трудные части заданий при ошибках в лёгких"
        case "answer_similarity/near_identical": "группы почти одинаковых работ"
        case "answer_similarity/shared_slips": "совпадающие ошибки в парах работ"
        case "high_results": "результаты заметно выше региона"
        case "vpr_vs_gia": "ВПР выше, чем предсказывает ОГЭ"
        case "journal_discrepancy/confirmed": "отметки ВПР совпадают с журналом чаще ожидаемого"
        case "journal_discrepancy/raised": "отметки ВПР выше журнальных"
        case "journal_discrepancy/lowered": "журнальные отметки выше ВПР"
        case "journal_discrepancy/spread": "журнальные отметки разбросаны сильнее, чем объясняют баллы"
        case "journal_discrepancy/inflated_journal": "журнальные отметки выглядят завышенными (совокупность признаков)"
        case "journal_discrepancy/large_gaps": "отметки журнала выше ВПР на 2 балла и более"
        case "year_jump/level": "резкий рост результатов по сравнению с другими годами"
        case "year_jump/journal": "журнал стал щедрее, чем в другие годы"
        case "cohort": "те же ученики через год показали результат ниже"
        case "gia_threshold_peak": "ГИА: пики на границах отметок или минимального балла"
        case "gia_minimum_share": "ГИА: больше участников у минимального балла, чем ожидалось"
        case "gia_minimum_trend": "ГИА: доля у минимального балла выросла по сравнению с прошлым годом"
        default: family
        }
    }
}
