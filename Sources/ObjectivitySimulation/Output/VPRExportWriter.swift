import ObjectivityCore

/// Writes the works of one sitting for one municipality or one school in the ФИС ОКО
/// «Ф1» layout of FORMATS.md §1, with the variety of a real region's uploads.
struct VPRExportWriter {
    let key: SittingKey
    let tasks: [TaskSpecification]
    let style: TableStyle
    /// One school's own export: an organisation row instead of an «ОО» column.
    let oneSchool: Bool
    let municipality: String

    private static let classLetters = ["А", "Б", "В", "Г", "Д", "Е", "Ж", "З"]

    func write(_ units: [(school: SimulatedSchool, unit: SimulatedUnit)], into sink: inout some RowSink) {
        let maxScore = tasks.reduce(0) { $0 + $1.descriptor.maxScore }
        if style.titleRow {
            sink.text("ВПР \(key.year) \(key.subject) \(key.grade) класс")
            sink.endLine()
            sink.text("Предмет"); sink.text(key.subject); sink.endLine()
            sink.text("Максимальный первичный балл"); sink.integer(maxScore); sink.endLine()
        }
        if oneSchool, let first = units.first {
            sink.text("\(first.school.name) (\(first.school.login)) | Кол-во участников: \(first.unit.count)")
            sink.endLine()
        }
        var header: [String] = oneSchool ? [] : ["ОО", "Муниципалитет"]
        header += ["Код участника", "Класс", "Вариант"]
        header += tasks.map { "\($0.descriptor.label) (\($0.descriptor.maxScore)б)" }
        header += ["Первичный балл", "Отметка", "Отметка по журналу"]
        if style.difficultyRow {
            for _ in 0..<(header.count - tasks.count - 3) { sink.empty() }
            for task in tasks { sink.text(task.descriptor.level?.rawValue ?? "") }
            sink.endLine()
        }
        sink.header(header)
        for (school, unit) in units {
            for w in 0..<unit.count {
                if !oneSchool {
                    sink.text(school.login)
                    sink.text(municipality)
                }
                sink.integer(Int(unit.codes[w]))
                sink.text("\(key.grade)\(Self.classLetters[min(Int(unit.classIndex[w]), Self.classLetters.count - 1)])")
                sink.integer(Int(unit.variant[w]))
                for k in 0..<unit.taskCount {
                    let score = unit.scores[w * unit.taskCount + k]
                    if score < 0 { sink.text(style.missingMarker) } else { sink.integer(Int(score)) }
                }
                sink.integer(Int(unit.totals[w]))
                sink.integer(Int(unit.marks[w]))
                if unit.journal[w] == WorkColumns.noJournalMark { sink.text("нет отметки") } else { sink.integer(Int(unit.journal[w])) }
                sink.endLine()
            }
        }
    }

    /// The file name: sitting in the name (Russian or transliterated), or — when the file
    /// has a title row — sometimes a generic name with a serial number, as people save them.
    /// `place` (a municipality, or a school's login) and `serial` (unique per sitting) keep
    /// names distinct.
    func fileName(place: String, transliteratedSubject: String, serial: Int) -> String {
        let ext = style.xlsx ? "xlsx" : "csv"
        if style.titleRow && serial % 3 == 0 { return "Ф1_\(place)_\(serial).\(ext)" }
        if style.transliteratedName {
            return "vpr-\(key.year)-\(transliteratedSubject)-\(key.grade)-\(place).\(ext)"
        }
        return "ВПР_\(key.year)_\(key.subject)_\(key.grade)_\(place).\(ext)"
    }
}
