/// The kinds of table the service reads (FORMATS.md §1–4), recognised by header content.
public enum TableKind: String, Sendable, Equatable, CaseIterable {
    /// ВПР individual results («Ф1»).
    case vprResults = "ВПР (Ф1)"
    /// ГИА results: ОГЭ, ЕГЭ, ГВЭ.
    case giaResults = "ГИА"
    /// The school registry.
    case schoolRegistry = "реестр ОО"
    /// Commission recheck outcomes.
    case recheckOutcomes = "результаты перепроверки"

    /// Whether `cells` (trimmed, not yet folded) may be a header at all: every kind is
    /// named by two different labels, so a row with fewer than two non-empty cells (a title,
    /// a school's name above the header) is none, and is not folded to be asked.
    static func mayBeHeader(_ cells: [String]) -> Bool {
        var nonEmpty = 0
        for cell in cells where !cell.isEmpty {
            nonEmpty += 1
            if nonEmpty == 2 { return true }
        }
        return false
    }

    /// The kind whose header this row is, if any. Cells are folded (``CellText/folded(_:)``).
    static func recognise(foldedHeader cells: [String]) -> TableKind? {
        let set = Set(cells)
        if cells.contains(where: { $0.hasSuffix("после перепроверки") }), set.contains("код участника") {
            return .recheckOutcomes
        }
        if set.contains("экзамен"), set.contains("код участника") { return .giaResults }
        if set.contains("код участника"), set.contains("первичный балл") { return .vprResults }
        if set.contains("оо"), set.contains("тип оо") || set.contains("местность") || set.contains("контингент") {
            return .schoolRegistry
        }
        return nil
    }
}
