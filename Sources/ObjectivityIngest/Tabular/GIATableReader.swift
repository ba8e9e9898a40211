import ObjectivityCore

/// Reads ГИА results (FORMATS.md §2):
/// `Год;Экзамен;Предмет;ОО;Код участника;Первичный балл;Тестовый балл;Отметка`.
struct GIATableReader {
    private let fileName: String
    private let header: HeaderMap
    private let subjects: SubjectCatalogue
    private let year, exam, subject, school, code, primary: Int
    private let test: Int?
    private let mark: Int?
    private var results = GIAResults()
    private var issues = RowIssues()
    /// Participants met so far, keyed by school and subject ids, year, exam and the
    /// participant code's bytes (a hash of bytes per row, not a `Hasher` over a Cyrillic
    /// exam name: a national ГИА table has millions of rows).
    private var seen: ByteKeyTable
    private var keyScratch: [UInt8] = []
    /// Canonical subject of each spelling met so far: folding is done once per spelling,
    /// not once per row.
    private var canonicalSubjects: [String: String] = [:]
    /// The previous row's subject cell and its id: rows come grouped by subject, and
    /// comparing bytes spares a Cyrillic string's hashing on every row.
    private var previousSubject: (bytes: [UInt8], id: Int32)?
    /// The same for the exam cell.
    private var previousExam: (bytes: [UInt8], exam: GIAExam)?
    /// The same for the school cell: rows come grouped by school, and its login is
    /// lower-cased once per school, not once per row.
    private var previousSchool: (bytes: [UInt8], id: Int32)?

    /// - Parameter expectedRows: an upper estimate of the data rows, to size the columns
    ///   once (a national ГИА table has four million rows; 0 when unknown).
    init(fileName: String, header: [String], models: ReferenceModels, expectedRows: Int) throws(IngestError) {
        self.fileName = fileName
        self.header = HeaderMap(header: header)
        self.subjects = models.subjects
        year = try self.header.require("Год", file: fileName)
        exam = try self.header.require("Экзамен", file: fileName)
        subject = try self.header.require("Предмет", file: fileName)
        school = try self.header.require("ОО", aliases: "логин оо", "код оо", file: fileName)
        code = try self.header.require("Код участника", file: fileName)
        primary = try self.header.require("Первичный балл", file: fileName)
        test = self.header.index("тестовый балл")
        mark = self.header.index("отметка")
        results.reserve(expectedRows)
        // Sized once from the line count: grown by doubling, the table of a country's file
        // was rebuilt some twenty times on the way to three million codes.
        seen = ByteKeyTable(expectedCount: expectedRows)
    }

    private mutating func skip(_ code: IngestError.Code, _ row: RawRow, _ column: Int, _ expected: String, found: String? = nil) {
        issues.skip(IngestError(code, file: fileName, row: row.number, column: header.describe(column), expected: expected, found: found))
    }

    /// Largest primary score accepted. No ОГЭ, ЕГЭ or ГВЭ has much more than 70 primary
    /// points; the bound keeps a stray number (fuzzing found 10⁵) from trapping the Int16
    /// column.
    static let maxPrimaryScore = 200

    mutating func consume(_ row: RawRow) {
        if row.isBlank { return }
        guard case .value(let y) = row.number(at: year), (2000...2099).contains(y) else {
            return skip(.invalidValue, row, year, "год 2000–2099", found: row.string(at: year))
        }
        let examBytes = row.bytes(row.trimmedRange(of: exam))
        let e: GIAExam
        if let previous = previousExam, ByteEquality.equal(previous.bytes, examBytes) {
            e = previous.exam
        } else {
            guard let read = GIAExam(rawValue: row.string(at: exam).uppercased()) else {
                return skip(.invalidValue, row, exam, "ОГЭ, ЕГЭ или ГВЭ", found: row.string(at: exam))
            }
            e = read
            previousExam = (Array(examBytes), read)
        }
        let subjectBytes = row.bytes(row.trimmedRange(of: subject))
        guard !subjectBytes.isEmpty else { return skip(.missingValue, row, subject, "предмет") }
        let schoolBytes = row.bytes(row.trimmedRange(of: school))
        guard !schoolBytes.isEmpty else { return skip(.missingValue, row, school, "логин ОО") }
        // The code's bytes, not a string: one per row.
        let codeBytes = row.bytes(row.trimmedRange(of: code))
        guard !codeBytes.isEmpty else { return skip(.missingValue, row, code, "код участника") }
        let p: Int
        switch row.number(at: primary) {
        case .value(let v) where (0...Self.maxPrimaryScore).contains(v): p = v
        case .value(let v) where v > Self.maxPrimaryScore:
            return skip(.scoreAboveMaximum, row, primary, "первичный балл не больше \(Self.maxPrimaryScore)", found: "\(v)")
        case .value(let v): return skip(.negativeScore, row, primary, "неотрицательный первичный балл", found: "\(v)")
        case .empty, .notAttempted: return skip(.missingValue, row, primary, "первичный балл")
        case .invalid: return skip(.notANumber, row, primary, "первичный балл — целое число", found: row.string(at: primary))
        }
        var testScore = GIAResults.absent
        if let test {
            switch row.number(at: test) {
            case .value(let v) where (0...100).contains(v): testScore = Int16(v)
            case .empty, .notAttempted:
                if e == .ege { return skip(.missingValue, row, test, "тестовый балл ЕГЭ 0–100") }
            case .value, .invalid: return skip(.invalidValue, row, test, "тестовый балл 0–100", found: row.string(at: test))
            }
        } else if e == .ege {
            return skip(.missingValue, row, primary, "столбец «Тестовый балл» для ЕГЭ")
        }
        var markValue = GIAResults.absent
        if let mark {
            switch row.number(at: mark) {
            case .value(let v) where (2...5).contains(v): markValue = Int16(v)
            case .empty, .notAttempted:
                if e != .ege { return skip(.missingValue, row, mark, "отметка 2–5 для \(e.rawValue)") }
            case .value, .invalid: return skip(.markOutOfRange, row, mark, "отметка 2–5", found: row.string(at: mark))
            }
        } else if e != .ege {
            return skip(.missingValue, row, primary, "столбец «Отметка» для \(e.rawValue)")
        }
        let subjectID: Int32
        if let previous = previousSubject, ByteEquality.equal(previous.bytes, subjectBytes) {
            subjectID = previous.id
        } else {
            let subjectText = row.string(at: subject)
            let canonical: String
            if let known = canonicalSubjects[subjectText] {
                canonical = known
            } else {
                canonical = subjects.canonical(subjectText) ?? subjectText
                canonicalSubjects[subjectText] = canonical
            }
            subjectID = results.subjects.intern(canonical)
            previousSubject = (Array(subjectBytes), subjectID)
        }
        let schoolID: Int32
        if let previous = previousSchool, ByteEquality.equal(previous.bytes, schoolBytes) {
            schoolID = previous.id
        } else {
            schoolID = results.schools.intern(row.string(at: school).lowercased())
            previousSchool = (Array(schoolBytes), schoolID)
        }
        // Participant codes are unique within a school, as in the ВПР exports.
        keyScratch.removeAll(keepingCapacity: true)
        withUnsafeBytes(of: schoolID.littleEndian) { keyScratch.append(contentsOf: $0) }
        withUnsafeBytes(of: subjectID.littleEndian) { keyScratch.append(contentsOf: $0) }
        keyScratch.append(UInt8(y - 2000))
        keyScratch.append(contentsOf: e.rawValue.utf8)
        keyScratch.append(contentsOf: codeBytes)
        let isNew = keyScratch.withUnsafeBufferPointer { key -> Bool in
            let hash = ByteHash.fnv1a(key)
            guard seen.value(for: key, hash: hash) == nil else { return false }
            seen.insert(key, hash: hash, value: 0)
            return true
        }
        guard isNew else {
            return skip(.duplicateParticipant, row, code, "один результат участника ОО по экзамену и предмету в году", found: row.string(at: code))
        }
        results.year.append(Int16(y))
        results.exam.append(e)
        results.subject.append(subjectID)
        results.school.append(schoolID)
        results.participantCode.append(codeBytes)
        results.primaryScore.append(Int16(p))
        results.testScore.append(testScore)
        results.mark.append(markValue)
    }

    func finish() throws(IngestError) -> GIAFile {
        guard results.count > 0 else {
            throw IngestError(.noValidRows, file: fileName, expected: "хотя бы одна строка результата без ошибок",
                              found: issues.skippedRows > 0 ? "все \(issues.skippedRows) строк с ошибками" : "строк нет")
        }
        return GIAFile(results: results, issues: issues)
    }
}
