import ObjectivityCore

/// What the rows above a Ф1 header say: title, labelled rows, organisation, task levels.
struct VPRPreamble {
    var title: SittingNameParser.Parsed?
    var labelledSubject: String?
    var labelledGrade: Int?
    var labelledYear: Int?
    var declaredMaxScore: Int?
    /// School login from the organisation row (`МБОУ СОШ № 3 (edu220150)`).
    var school: String?
    var schoolName: String?
    /// «Кол-во участников» from the organisation row.
    var declaredParticipants: Int?
    /// Level of the task in each column, from the row directly above the header.
    var levels: [Int: TaskLevel] = [:]

    init(rows: [[String]], header columns: VPRColumns, names: SittingNameParser) {
        for (index, cells) in rows.enumerated() {
            let nonEmpty = cells.enumerated().filter { !$0.element.isEmpty }
            guard let first = nonEmpty.first else { continue }
            let label = CellText.folded(first.element)
            let value = nonEmpty.dropFirst().first?.element
            switch label {
            case "предмет":
                labelledSubject = value.map { names.subjects.canonical($0) ?? $0 }
            case "класс", "параллель":
                labelledGrade = value.flatMap { Int($0.prefix { $0.isNumber }) }
            case "год":
                labelledYear = value.flatMap { Int($0) }
            case "максимальный первичный балл", "максимальный балл":
                declaredMaxScore = value.flatMap { Int($0) }
            case "дата", "дата проведения":
                labelledYear = labelledYear ?? value.flatMap(Self.year(inDate:))
            default:
                break
            }
            for (_, cell) in nonEmpty {
                if title == nil, cell.uppercased().contains("ВПР") || cell.lowercased().contains("проверочн") {
                    let parsed = names.parse(cell)
                    if parsed.year != nil || parsed.grade != nil { title = parsed }
                }
                if school == nil, let (login, name) = Self.organisation(in: cell) {
                    school = login
                    schoolName = name
                }
                if let count = Self.participants(in: cell) { declaredParticipants = count }
            }
            if index == rows.count - 1 {
                for (column, _) in columns.tasks {
                    guard column < cells.count else { continue }
                    if let level = TaskLevel(rawValue: cells[column].uppercased()) { levels[column] = level }
                }
            }
        }
    }

    /// `… (edu220150)` or `sch220150` anywhere in the cell.
    static func organisation(in cell: String) -> (login: String, name: String?)? {
        let lower = cell.lowercased()
        for prefix in ["sch", "edu"] {
            var searchStart = lower.startIndex
            while let range = lower.range(of: prefix, range: searchStart..<lower.endIndex) {
                let digits = lower[range.upperBound...].prefix { $0.isASCII && $0.isNumber }
                let before = range.lowerBound == lower.startIndex ? " " : lower[lower.index(before: range.lowerBound)]
                if digits.count >= 4, !(before.isLetter && before.isASCII) {
                    let login = prefix + digits
                    let name = cell[..<range.lowerBound].trimmingCharactersInSet()
                        .trimmingCharacters(in: "( |")
                    return (login, name.isEmpty ? nil : name)
                }
                searchStart = range.upperBound
            }
        }
        return nil
    }

    /// `Кол-во участников: 54`.
    static func participants(in cell: String) -> Int? {
        let lower = cell.lowercased()
        guard let range = lower.range(of: "участник") else { return nil }
        guard lower.contains("кол") || lower.contains("число") || lower.contains("количество") else { return nil }
        let digits = lower[range.upperBound...].drop { !$0.isNumber }.prefix { $0.isNumber }
        return Int(digits)
    }

    /// The year of `15.04.2025` or `2025-04-15`.
    static func year(inDate text: String) -> Int? {
        let parts = text.split { !$0.isNumber }
        return parts.compactMap { Int($0) }.first { (2000...2099).contains($0) }
    }
}

extension String {
    /// Without leading and trailing characters from `set`.
    func trimmingCharacters(in set: String) -> String {
        var slice = Substring(self)
        while let f = slice.first, set.contains(f) { slice.removeFirst() }
        while let l = slice.last, set.contains(l) { slice.removeLast() }
        return String(slice)
    }
}
