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
