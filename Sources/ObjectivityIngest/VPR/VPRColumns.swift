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
            switch Self.roles[Array(folded.utf8)] {
            case .code?: code = code ?? index
            case .primaryScore?: primary = primary ?? index
            case .mark?: mark = mark ?? index
            case .journalMark?: journalMark = journalMark ?? index
            case .school?: school = school ?? index
            case .municipality?: municipality = municipality ?? index
            case .schoolName?: schoolName = schoolName ?? index
            case .classLabel?: classLabel = classLabel ?? index
            case .variant?: variant = variant ?? index
            case nil:
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

    /// What a column holds, by its folded header.
    private enum Role {
        case code, primaryScore, mark, journalMark, school, municipality, schoolName, classLabel, variant
    }

    /// Every known folded header, keyed by its UTF-8 bytes: comparing Cyrillic Strings
    /// goes through Unicode normalisation, bytes do not (folded text is precomposed).
    private static let roles: [[UInt8]: Role] = {
        let spellings: [(Role, [String])] = [
            (.code, ["код участника", "код"]),
            (.primaryScore, ["первичный балл", "сумма баллов", "балл"]),
            (.mark, ["отметка", "отметка за впр", "оценка"]),
            (.journalMark, ["отметка по журналу", "отметка за предыдущий период", "оценка по журналу"]),
            (.school, ["оо", "логин оо", "код оо", "логин"]),
            (.municipality, ["муниципалитет", "мо", "муниципальный район", "муниципальное образование", "район"]),
            (.schoolName, ["название оо", "наименование оо", "оо (название)"]),
            (.classLabel, ["класс", "литера класса"]),
            (.variant, ["вариант"]),
        ]
        var table: [[UInt8]: Role] = [:]
        for (role, names) in spellings { for name in names { table[Array(name.utf8)] = role } }
        return table
    }()

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
