import ObjectivityCore

/// What each column of a Ф1 header holds.
struct VPRColumns {
    var participantCode: Int
    var primaryScore: Int
    var mark: Int?
    var journalMark: Int?
    var school: Int?
    var municipality: Int?
    var schoolName: Int?
    var classLabel: Int?
    var variant: Int?
    /// Task columns in header order: (column index, task).
    var tasks: [(column: Int, task: TaskDescriptor)] = []
    /// Columns of pupils' names: never read past the header.
    var droppedNameColumns: [String] = []
    /// Columns kept aside and ignored (unknown, or known but unused like «Пол»).
    var ignored: [String] = []
    /// Header text of every column, for error messages.
    var headers: [String]

    /// Classifies a header row. Returns `nil` for a column role that is required but absent.
    init(header: [String]) {
        headers = header
        var code: Int?, primary: Int?
        for (index, raw) in header.enumerated() {
            let folded = CellText.folded(raw)
            switch folded {
            case "код участника", "код": code = code ?? index
            case "первичный балл", "сумма баллов", "балл": primary = primary ?? index
            case "отметка", "отметка за впр", "оценка": mark = mark ?? index
            case "отметка по журналу", "отметка за предыдущий период", "оценка по журналу": journalMark = journalMark ?? index
            case "оо", "логин оо", "код оо", "логин": school = school ?? index
            case "муниципалитет", "мо", "муниципальный район", "муниципальное образование", "район": municipality = municipality ?? index
            case "название оо", "наименование оо", "оо (название)": schoolName = schoolName ?? index
            case "класс", "литера класса": classLabel = classLabel ?? index
            case "вариант": variant = variant ?? index
            default:
                if let task = Self.taskDescriptor(raw) {
                    tasks.append((index, task))
                } else if PersonalDataColumns.isNameColumn(folded) {
                    droppedNameColumns.append(ColumnName.letters(index))
                } else if !folded.isEmpty {
                    ignored.append(raw)
                }
            }
        }
        participantCode = code ?? -1
        primaryScore = primary ?? -1
    }

    var isComplete: Bool { participantCode >= 0 && primaryScore >= 0 && mark != nil }

    /// `1 (1б)`, `9.1 (2б)`, `3K1 (1 б.)`: a label, then the maximum in parentheses
    /// followed by «б» (Cyrillic) or `b`.
    static func taskDescriptor(_ header: String) -> TaskDescriptor? {
        let text = header.trimmingCharactersInSet()
        guard text.hasSuffix(")"), let open = text.lastIndex(of: "(") else { return nil }
        let label = text[..<open].trimmingCharactersInSet()
        var inside = text[text.index(after: open)..<text.index(before: text.endIndex)].lowercased()
        inside.removeAll { $0 == " " || $0 == "." }
        guard !label.isEmpty, inside.hasSuffix("б") || inside.hasSuffix("b") else { return nil }
        guard let max = Int(inside.dropLast()), (1...100).contains(max) else { return nil }
        return TaskDescriptor(label: label, maxScore: max)
    }
}

extension StringProtocol {
    /// Without surrounding whitespace (including no-break spaces).
    func trimmingCharactersInSet() -> String {
        var slice = Substring(self)
        while let f = slice.first, f.isWhitespace { slice.removeFirst() }
        while let l = slice.last, l.isWhitespace { slice.removeLast() }
        return String(slice)
    }
}
