import ObjectivityCore

/// Reads commission recheck outcomes (FORMATS.md §4):
/// `Год;Предмет;Класс;ОО;Код участника;Первичный балл;Первичный балл после перепроверки`,
/// plus optional `<task> после перепроверки` columns.
struct RecheckOutcomesReader {
    private let fileName: String
    private let header: HeaderMap
    private let subjects: SubjectCatalogue
    private let year, subject, grade, school, code, original, rechecked: Int
    private let taskColumns: [(column: Int, label: String)]
    private var outcomes: [RecheckOutcome] = []
    private var notRechecked = 0
    private var seen: Set<String> = []
    private var issues = RowIssues()

    private static let suffix = " после перепроверки"

    init(fileName: String, header: [String], models: ReferenceModels) throws(IngestError) {
        self.fileName = fileName
        self.header = HeaderMap(header: header)
        self.subjects = models.subjects
        year = try self.header.require("Год", file: fileName)
        subject = try self.header.require("Предмет", file: fileName)
        grade = try self.header.require("Класс", file: fileName)
        school = try self.header.require("ОО", aliases: "логин оо", file: fileName)
        code = try self.header.require("Код участника", file: fileName)
        original = try self.header.require("Первичный балл", file: fileName)
        rechecked = try self.header.require("Первичный балл после перепроверки", file: fileName)
        taskColumns = header.enumerated().compactMap { index, text in
            let folded = CellText.folded(text)
            guard folded.hasSuffix(Self.suffix), folded != "первичный балл после перепроверки" else { return nil }
            return (index, String(text.trimmingCharactersInSet().dropLast(Self.suffix.count)).trimmingCharactersInSet())
        }
    }

    private mutating func skip(_ code: IngestError.Code, _ row: RawRow, _ column: Int, _ expected: String, found: String? = nil) {
        issues.skip(IngestError(code, file: fileName, row: row.number, column: header.describe(column), expected: expected, found: found))
    }

    mutating func consume(_ row: RawRow) {
        if row.isBlank { return }
        guard case .value(let y) = row.number(at: year), (2000...2099).contains(y) else {
            return skip(.invalidValue, row, year, "год 2000–2099", found: row.string(at: year))
        }
        let subjectText = row.string(at: subject)
        guard !subjectText.isEmpty else { return skip(.missingValue, row, subject, "предмет") }
        let gradeText = row.string(at: grade)
        guard let g = Int(gradeText.prefix { $0.isNumber }), (1...11).contains(g) else {
            return skip(.invalidValue, row, grade, "класс 1–11", found: gradeText)
        }
        let schoolText = row.string(at: school).lowercased()
        guard !schoolText.isEmpty else { return skip(.missingValue, row, school, "логин ОО") }
        let codeText = row.string(at: code)
        guard !codeText.isEmpty else { return skip(.missingValue, row, code, "код участника") }
        guard case .value(let before) = row.number(at: original), before >= 0 else {
            return skip(.notANumber, row, original, "первичный балл — неотрицательное целое", found: row.string(at: original))
        }
        var after: Int?
        switch row.number(at: rechecked) {
        case .value(let v) where v >= 0: after = v
        case .empty: break
        default: return skip(.notANumber, row, rechecked, "первичный балл после перепроверки — неотрицательное целое или пусто", found: row.string(at: rechecked))
        }
        var tasks: [String: Int] = [:]
        for (column, label) in taskColumns {
            switch row.number(at: column) {
            case .value(let v) where v >= 0: tasks[label] = v
            case .empty, .notAttempted: break
            default: return skip(.notANumber, row, column, "балл за задание после перепроверки", found: row.string(at: column))
            }
        }
        let canonical = subjects.canonical(subjectText) ?? subjectText
        guard seen.insert("\(y)|\(canonical)|\(g)|\(schoolText)|\(codeText)").inserted else {
            return skip(.duplicateParticipant, row, code, "код участника, не повторяющийся в ОО и работе", found: codeText)
        }
        if after == nil { notRechecked += 1 }
        outcomes.append(RecheckOutcome(sitting: SittingKey(year: y, subject: canonical, grade: g), school: schoolText,
                                       participantCode: codeText, originalScore: before, recheckedScore: after, recheckedTasks: tasks))
    }

    func finish() throws(IngestError) -> RecheckOutcomesFile {
        guard !outcomes.isEmpty else {
            throw IngestError(.noValidRows, file: fileName, expected: "хотя бы одна строка перепроверки без ошибок",
                              found: issues.skippedRows > 0 ? "все \(issues.skippedRows) строк с ошибками" : "строк нет")
        }
        return RecheckOutcomesFile(outcomes: outcomes, notRechecked: notRechecked, issues: issues)
    }
}
