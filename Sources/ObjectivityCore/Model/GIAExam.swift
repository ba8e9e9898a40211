/// The centrally marked state final examinations (ГИА).
public enum GIAExam: String, Sendable, Hashable, CaseIterable {
    /// Grade 9 main state examination; results as a mark 2–5.
    case oge = "ОГЭ"
    /// Grade 11 unified state examination; results as a test score 0–100.
    case ege = "ЕГЭ"
    /// State final examination in special form (ГВЭ), marks 2–5.
    case gve = "ГВЭ"
}
