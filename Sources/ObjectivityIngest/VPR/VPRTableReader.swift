import ObjectivityCore

/// Turns the rows below a Ф1 header into a ``VPRFile``, validating as it goes.
///
/// A row with a bad value is skipped, counted and reported with its row and column;
/// the rest of the file is read. File-level problems (no sitting, no school, marks
/// that fit no scale) reject the file.
struct VPRTableReader {
    private let fileName: String
    private let columns: VPRColumns
    private let models: ReferenceModels
    private let preamble: VPRPreamble
    private var batch: WorkBatch
    private var issues = RowIssues()
    private var blankRows = 0
    private var rowNumbers: [Int32] = []
    private var participants: ParticipantIndex
    /// The works read so far (moved into `batch` by ``finish()``).
    private let works: WorkColumnsBuilder
    private var scores: [Int8]
    /// Column index and maximum of each task, as plain arrays for the per-row loop.
    private let taskColumns: [Int]
    private let taskMaxima: [Int]
    /// The login of the organisation row, as bytes, for rows without an «ОО» cell; nil
    /// when the preamble names no school.
    private let fallbackSchool: [UInt8]?
    /// School ids by «login, unit separator, municipality» bytes; class ids by label bytes.
    private var schoolIDs = ByteKeyTable()
    private var classIDs = ByteKeyTable()
    private var keyScratch: [UInt8] = []
    // One-entry caches: consecutive rows nearly always share the school and the class.
    // The buffers are reused, so a change of school or class allocates nothing.
    private var lastLogin: [UInt8] = []
    private var lastMunicipality: [UInt8] = []
    private var lastSchoolID: Int32 = -1
    private var lastClassLabel: [UInt8] = []
    private var lastClassID: Int32 = -1

    /// - Parameter expectedRows: an upper estimate of the data rows, to size the columns
    ///   once instead of growing them (0 when unknown).
    /// - Parameter memo: header rows and titles already interpreted in this batch.
    /// - Parameter headerKey: the header row as the memo's key.
    init(fileName: String, preambleRows: [[String]], header: [String], headerKey: HeaderMemo.Key, models: ReferenceModels,
         memo: HeaderMemo, expectedRows: Int) throws(IngestError) {
        self.fileName = fileName
        self.models = models
        var columns = memo.columns(header: header, key: headerKey)
        guard columns.isComplete else {
            let missing = [columns.participantCode < 0 ? "Код участника" : nil, columns.primaryScore < 0 ? "Первичный балл" : nil,
                           columns.mark == nil ? "Отметка" : nil].compactMap { $0 }
            throw IngestError(.missingColumn, file: fileName, expected: "столбцы «\(missing.joined(separator: "», «"))» в строке заголовков")
        }
        guard !columns.tasks.isEmpty else {
            throw IngestError(.missingColumn, file: fileName, expected: "столбцы заданий вида «1 (1б)»")
        }
        let names = SittingNameParser(subjects: models.subjects, memo: memo)
        let preamble = VPRPreamble(rows: preambleRows, header: columns, names: names, memo: memo)
        for (i, entry) in columns.tasks.enumerated() {
            columns.tasks[i].task.level = preamble.levels[entry.column]
        }
        var year = preamble.title?.year ?? preamble.labelledYear
        var subject = preamble.title?.subject ?? preamble.labelledSubject
        var grade = preamble.title?.grade ?? preamble.labelledGrade
        // The file name only when the sheet leaves something out (each name is different,
        // so parsing it is never memoised).
        if year == nil || subject == nil || grade == nil {
            let fromName = names.parse(Self.stem(of: fileName))
            year = year ?? fromName.year
            subject = subject ?? fromName.subject
            grade = grade ?? fromName.grade
        }
        guard let year, let subject, let grade else {
            let missing = [year == nil ? "год" : nil, subject == nil ? "предмет" : nil, grade == nil ? "класс" : nil].compactMap { $0 }
            throw IngestError(.noSitting, file: fileName,
                              expected: "год, предмет и класс в строке заголовка («ВПР 2025 Математика 5 класс») или в имени файла («ВПР_2025_Математика_5.csv»)",
                              found: "не найдено: \(missing.joined(separator: ", "))")
        }
        guard columns.school != nil || preamble.school != nil else {
            throw IngestError(.noSchool, file: fileName,
                              expected: "столбец «ОО» или строка организации вида «МБОУ СОШ № 3 (edu220150)»")
        }
        self.columns = columns
        self.preamble = preamble
        self.fallbackSchool = preamble.school.map { Array($0.utf8) }
        self.batch = WorkBatch(key: SittingKey(year: year, subject: subject, grade: grade), tasks: columns.tasks.map(\.task))
        self.works = WorkColumnsBuilder(taskCount: columns.tasks.count, expectedWorks: expectedRows)
        self.participants = ParticipantIndex()
        rowNumbers.reserveCapacity(expectedRows)
        self.scores = [Int8](repeating: 0, count: columns.tasks.count)
        self.taskColumns = columns.tasks.map(\.column)
        self.taskMaxima = columns.tasks.map(\.task.maxScore)
        if !memo.isKnown(subject, in: models.subjects) {
            issues.warnings.append("Предмет «\(subject)» не найден в models/subjects.csv; использовано написание из файла.")
        }
    }

    private static func stem(of name: String) -> String {
        let last = name.split(separator: "/").last.map(String.init) ?? name
        guard let dot = last.lastIndex(of: ".") else { return last }
        return String(last[..<dot])
    }

    private func columnName(_ index: Int) -> String {
        ColumnName.describe(index, header: index < columns.headers.count ? columns.headers[index] : "")
    }

    private mutating func skip(_ code: IngestError.Code, _ row: RawRow, column: Int?, expected: String, found: String? = nil) {
        issues.skip(IngestError(code, file: fileName, row: row.number, column: column.map(columnName), expected: expected, found: found))
    }

    /// Reads one data row.
    mutating func consume(_ row: RawRow) {
        let codeRange = row.trimmedRange(of: columns.participantCode)
        if codeRange.isEmpty, row.isBlank {
            blankRows += 1
            return
        }
        guard !codeRange.isEmpty else {
            return skip(.missingValue, row, column: columns.participantCode, expected: "код участника")
        }
        // Tasks: plain integer arrays in the loop, so no descriptor is retained per cell.
        var sum = 0
        var allMarked = true
        var badTask: (index: Int, value: CellNumber)?
        scores.withUnsafeMutableBufferPointer { out in
            for k in 0..<taskColumns.count {
                // Most task cells are one digit: read those without the general parser.
                if let digit = row.singleDigit(at: taskColumns[k]) {
                    if digit <= taskMaxima[k] {
                        out[k] = Int8(digit)
                        sum += digit
                        continue
                    }
                    badTask = (k, .value(digit))
                    return
                }
                let value = row.number(at: taskColumns[k])
                switch value {
                case .value(let v) where v >= 0 && v <= taskMaxima[k]:
                    out[k] = Int8(v)
                    sum += v
                case .empty, .notAttempted:
                    out[k] = WorkColumns.notAttempted
                    allMarked = false
                default:
                    badTask = (k, value)
                    return
                }
            }
        }
        if let (k, value) = badTask {
            let column = taskColumns[k], maximum = taskMaxima[k]
            switch value {
            case .value(let v) where v < 0:
                return skip(.negativeScore, row, column: column, expected: "балл от 0 до \(maximum)", found: "\(v)")
            case .value(let v):
                return skip(.scoreAboveMaximum, row, column: column, expected: "балл от 0 до \(maximum)", found: "\(v)")
            default:
                return skip(.notANumber, row, column: column,
                            expected: "балл от 0 до \(maximum) или X, Х, -, — для невыполненного", found: row.string(at: column))
            }
        }
        // Primary score.
        let primary: Int
        switch row.number(at: columns.primaryScore) {
        case .value(let v) where v >= 0:
            primary = v
        case .value(let v):
            return skip(.negativeScore, row, column: columns.primaryScore, expected: "неотрицательный первичный балл", found: "\(v)")
        case .empty, .notAttempted:
            return skip(.missingValue, row, column: columns.primaryScore, expected: "первичный балл")
        case .invalid:
            return skip(.notANumber, row, column: columns.primaryScore, expected: "первичный балл — целое число", found: row.string(at: columns.primaryScore))
        }
        // Above the sum of the task maxima no work can be; the bound also keeps a stray
        // number (fuzzing found one past 32,767) from trapping the Int16 column.
        let maximum = taskMaxima.reduce(0, +)
        if primary > maximum {
            return skip(.scoreAboveMaximum, row, column: columns.primaryScore, expected: "первичный балл не больше \(maximum)", found: "\(primary)")
        }
        if allMarked ? primary != sum : primary < sum {
            return skip(.sumMismatch, row, column: columns.primaryScore,
                        expected: allMarked ? "сумма баллов за задания, \(sum)" : "не меньше суммы баллов за задания, \(sum)", found: "\(primary)")
        }
        // Mark.
        let mark: Int
        switch row.number(at: columns.mark!) {
        case .value(let v) where (2...5).contains(v):
            mark = v
        case .empty, .notAttempted:
            return skip(.missingValue, row, column: columns.mark, expected: "отметка 2–5")
        case .value, .invalid:
            return skip(.markOutOfRange, row, column: columns.mark, expected: "отметка 2–5", found: row.string(at: columns.mark!))
        }
        // Journal mark: an unreadable one costs the cell, not the work.
        var journal = WorkColumns.noJournalMark
        if let column = columns.journalMark {
            switch row.number(at: column) {
            case .value(let v) where (2...5).contains(v):
                journal = Int8(v)
            case .empty, .notAttempted:
                break
            default:
                if CellText.isNoMark(row.bytes(row.trimmedRange(of: column))) { break }
                let text = row.string(at: column)
                if CellText.folded(text) != "нет отметки" && CellText.folded(text) != "нет" {
                    issues.note(IngestError(.invalidValue, file: fileName, row: row.number, column: columnName(column),
                                            expected: "отметка по журналу 2–5 или «нет отметки»; значение не учтено", found: text))
                }
            }
        }
        // School, municipality, class.
        guard let school = schoolID(row) else {
            return skip(.missingValue, row, column: columns.school, expected: "логин ОО")
        }
        let classID = classID(row)
        var variant = WorkColumns.unknownVariant
        if let column = columns.variant, case .value(let v) = row.number(at: column), (1...Int(Int16.max)).contains(v) {
            variant = Int16(v)
        }
        // Duplicates within a school.
        let code = row.bytes(codeRange)
        let hash = ParticipantIndex.hash(school: school, code: code)
        if let first = participants.existingRow(school: school, code: code, hash: hash, in: works) {
            return skip(.duplicateParticipant, row, column: columns.participantCode,
                        expected: "код участника, не повторяющийся в ОО", found: "уже в строке \(rowNumbers[first])")
        }
        participants.insert(row: works.count, hash: hash, works: works)
        scores.withUnsafeBufferPointer { taskScores in
            works.append(school: school, classID: classID, participantCode: code, variant: variant,
                         scores: taskScores, primaryScore: Int16(primary), mark: Int8(mark), journalMark: journal)
        }
        rowNumbers.append(Int32(row.number))
    }

    private mutating func schoolID(_ row: RawRow) -> Int32? {
        let login = columns.school.map { row.bytes(row.trimmedRange(of: $0)) } ?? UnsafeBufferPointer(start: nil, count: 0)
        let municipality = columns.municipality.map { row.bytes(row.trimmedRange(of: $0)) } ?? UnsafeBufferPointer(start: nil, count: 0)
        if login.isEmpty {
            // Every row of a file whose school is named only above the header: through the
            // same one-entry cache as a login cell (this took a copy of the login and a
            // table lookup per row).
            guard let fallback = fallbackSchool else { return nil }
            return fallback.withUnsafeBufferPointer { school(login: $0, municipality: municipality) }
        }
        return school(login: login, municipality: municipality)
    }

    /// The school id of (login, municipality): the previous row's when it is the same.
    private mutating func school(login: UnsafeBufferPointer<UInt8>, municipality: UnsafeBufferPointer<UInt8>) -> Int32 {
        if lastSchoolID >= 0, ByteEquality.equal(lastLogin, login), ByteEquality.equal(lastMunicipality, municipality) {
            return lastSchoolID
        }
        return resolveSchool(login: login, municipality: municipality)
    }

    /// The school id of (login, municipality), registering it the first time.
    private mutating func resolveSchool(login: UnsafeBufferPointer<UInt8>, municipality: UnsafeBufferPointer<UInt8>) -> Int32 {
        keyScratch.removeAll(keepingCapacity: true)
        keyScratch.append(contentsOf: login)
        keyScratch.append(0x1F)
        keyScratch.append(contentsOf: municipality)
        let id = keyScratch.withUnsafeBufferPointer { key -> Int32 in
            let hash = ByteHash.fnv1a(key)
            if let known = schoolIDs.value(for: key, hash: hash) { return known }
            let id = batch.schoolID(String(decoding: login, as: UTF8.self).lowercased(),
                                    municipality: String(decoding: municipality, as: UTF8.self))
            schoolIDs.insert(key, hash: hash, value: id)
            return id
        }
        lastLogin.removeAll(keepingCapacity: true)
        lastLogin.append(contentsOf: login)
        lastMunicipality.removeAll(keepingCapacity: true)
        lastMunicipality.append(contentsOf: municipality)
        lastSchoolID = id
        return id
    }

    private mutating func classID(_ row: RawRow) -> Int32 {
        let label = columns.classLabel.map { row.bytes(row.trimmedRange(of: $0)) } ?? UnsafeBufferPointer(start: nil, count: 0)
        if lastClassID >= 0, ByteEquality.equal(lastClassLabel, label) { return lastClassID }
        let hash = ByteHash.fnv1a(label)
        let id: Int32
        if let known = classIDs.value(for: label, hash: hash) {
            id = known
        } else {
            id = batch.classes.intern(String(decoding: label, as: UTF8.self).uppercased())
            classIDs.insert(label, hash: hash, value: id)
        }
        lastClassLabel.removeAll(keepingCapacity: true)
        lastClassLabel.append(contentsOf: label)
        lastClassID = id
        return id
    }

    /// Finishes the file: derives and checks the scale, drops rows whose mark
    /// contradicts it, and compares with `models/` and with the preamble's declarations.
    mutating func finish() throws(IngestError) -> VPRFile {
        let key = batch.key
        batch.works = works.takeColumns()
        guard batch.works.count > 0 else {
            throw IngestError(.noValidRows, file: fileName, expected: "хотя бы одна строка работы без ошибок",
                              found: issues.skippedRows > 0 ? "все \(issues.skippedRows) строк с ошибками" : "строк работ нет")
        }
        let maxScore = batch.tasks.reduce(0) { $0 + $1.maxScore }
        let derivation = ScaleDerivation(scores: batch.works.primaryScore, marks: batch.works.mark, maxScore: maxScore)
        let tolerance = max(2, batch.works.count / 50)
        if derivation.contradictingWorks > tolerance {
            throw IngestError(.nonMonotoneScale, file: fileName, column: columnName(columns.mark!),
                              expected: "отметки, монотонно зависящие от первичного балла (допускается не более \(tolerance) расхождений)",
                              found: "\(derivation.contradictingWorks) работ из \(batch.works.count) противоречат лучшей монотонной шкале \(derivation.scale)")
        }
        if derivation.contradictingWorks > 0 { dropContradictions(derivation) }
        var derived = derivation.scale
        derived.maxScore = maxScore
        let known = models.scales.scale(for: key)
        if let known {
            var disagreeing = 0
            for w in 0..<batch.works.count where !known.admits(score: Int(batch.works.primaryScore[w]), mark: Int(batch.works.mark[w])) {
                disagreeing += 1
            }
            if disagreeing > 0 {
                issues.warnings.append("Шкала из файла (\(derived)) расходится с известной шкалой \(key) (\(known)): \(disagreeing) работ получили бы другую отметку.")
            }
            if let knownMax = known.maxScore, knownMax != maxScore {
                issues.warnings.append("Сумма максимальных баллов заданий \(maxScore) не равна максимуму известной шкалы \(knownMax).")
            }
        }
        if let declared = preamble.declaredMaxScore, declared != maxScore {
            issues.warnings.append("В заголовке указан максимальный первичный балл \(declared), а сумма максимумов заданий равна \(maxScore).")
        }
        if let declared = preamble.declaredParticipants, declared != batch.works.count + issues.skippedRows {
            issues.warnings.append("В строке организации указано участников: \(declared), строк работ в файле: \(batch.works.count + issues.skippedRows).")
        }
        return VPRFile(batch: batch, derivedScale: derived, knownScale: known, droppedNameColumns: columns.droppedNameColumns,
                       ignoredColumns: columns.ignored, issues: issues, blankRows: blankRows)
    }

    private mutating func dropContradictions(_ derivation: ScaleDerivation) {
        let bad = Set(derivation.contradictions.map { [$0.score, $0.mark] })
        let identitySchools = (0..<Int32(batch.schools.count)).map { $0 }
        let identityClasses = (0..<Int32(batch.classes.count)).map { $0 }
        var keep: [Int] = []
        for i in 0..<batch.works.count {
            let score = Int(batch.works.primaryScore[i]), mark = Int(batch.works.mark[i])
            if bad.contains([score, mark]) {
                issues.skip(IngestError(.markContradictsScale, file: fileName, row: Int(rowNumbers[i]), column: columnName(columns.mark!),
                                        expected: "отметка по шкале файла \(derivation.scale)", found: "\(mark) при первичном балле \(score)"))
            } else {
                keep.append(i)
            }
        }
        batch.works = batch.works.permuted(by: keep, schoolMap: identitySchools, classMap: identityClasses)
        rowNumbers = keep.map { rowNumbers[$0] }
    }
}
