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

    /// - Parameter memo: titles and subjects already interpreted in this batch.
    init(rows: [[String]], header columns: VPRColumns, names: SittingNameParser, memo: HeaderMemo) {
        for (index, cells) in rows.enumerated() {
            let nonEmpty = cells.enumerated().filter { !$0.element.isEmpty }
            guard let first = nonEmpty.first else { continue }
            // No label has a digit, and folding keeps digits: a cell with one (the
            // organisation row every file opens with) is no label and is not folded.
            let label = first.element.utf8.contains { (0x30...0x39).contains($0) } ? "" : CellText.folded(first.element)
            let value = nonEmpty.dropFirst().first?.element
            switch label {
            case "предмет":
                labelledSubject = value.map { memo.canonical($0, in: names.subjects) ?? $0 }
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
                let lower = TextCase.lowercased(cell)
                if title == nil, ByteEquality.offset(of: "впр", in: lower) != nil || ByteEquality.offset(of: "проверочн", in: lower) != nil {
                    let parsed = memo.parse(cell, with: names)
                    if parsed.year != nil || parsed.grade != nil { title = parsed }
                }
                if school == nil, let (login, name) = Self.organisation(in: cell) {
                    school = login
                    schoolName = name
                }
                if let count = Self.participants(inLowercased: lower) { declaredParticipants = count }
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
    /// A school login (`sch…` or `edu…` and at least four digits, not inside a Latin word)
    /// and the name written before it. Searched in the cell's bytes in place, ignoring ASCII
    /// case: every cell of every preamble passes here, and the login is ASCII.
    static func organisation(in cell: String) -> (login: String, name: String?)? {
        var text = cell
        return text.withUTF8 { bytes -> (login: String, name: String?)? in
            func isDigit(_ b: UInt8) -> Bool { (0x30...0x39).contains(b) }
            func isLetter(_ b: UInt8) -> Bool { (0x41...0x5A).contains(b) || (0x61...0x7A).contains(b) }
            for prefix in ["sch", "edu"] as [StaticString] {
                let p = UnsafeBufferPointer(start: prefix.utf8Start, count: 3)
                var i = 0
                while i + 3 <= bytes.count {
                    defer { i += 1 }
                    guard bytes[i] | 0x20 == p[0], bytes[i + 1] | 0x20 == p[1], bytes[i + 2] | 0x20 == p[2] else { continue }
                    var end = i + 3
                    while end < bytes.count, isDigit(bytes[end]) { end += 1 }
                    guard end - i - 3 >= 4, i == 0 || !isLetter(bytes[i - 1]) else { continue }
                    let login = prefix.description + String(decoding: UnsafeBufferPointer(rebasing: bytes[(i + 3)..<end]), as: UTF8.self)
                    let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[..<i]), as: UTF8.self).trimmingCharactersInSet()
                        .trimmingCharacters(in: "( |")
                    return (login, name.isEmpty ? nil : name)
                }
            }
            return nil
        }
    }

    /// «Количество участников: 54» and the like, in a cell already lower-cased.
    static func participants(inLowercased lower: String) -> Int? {
        guard let offset = ByteEquality.offset(of: "участник", in: lower) else { return nil }
        guard ["кол", "число"].contains(where: { ByteEquality.offset(of: $0, in: lower) != nil }) else { return nil }
        let after = lower.utf8.index(lower.utf8.startIndex, offsetBy: offset + "участник".utf8.count)
        let digits = lower[after...].drop { !$0.isNumber }.prefix { $0.isNumber }
        return Int(digits)
    }

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
