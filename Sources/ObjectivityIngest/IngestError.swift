/// Why an input file, or one row of it, could not be used.
///
/// The same value is printed by `objectivity inspect`, logged, and rendered into the
/// `NAME.error.txt` written beside a rejected upload, so it names the file, the row
/// and the column, says what was expected and what was found, in Russian and English.
/// It never carries a pupil-level value other than the offending cell when that cell
/// is a score or a mark.
public struct IngestError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Stable machine-readable reason; tests and the fixture corpus assert on it.
    public enum Code: String, Sendable, Equatable, CaseIterable {
        // File level: the whole file is rejected.
        case unreadableFile = "unreadable_file"
        case emptyFile = "empty_file"
        case binaryContent = "binary_content"
        case archiveTooLarge = "archive_too_large"
        case archiveTooManyEntries = "archive_too_many_entries"
        case malformedArchive = "malformed_archive"
        case noHeader = "no_header"
        case unknownTable = "unknown_table"
        case missingColumn = "missing_column"
        case noSitting = "no_sitting"
        case noSchool = "no_school"
        case nonMonotoneScale = "non_monotone_scale"
        case noValidRows = "no_valid_rows"
        // Row level: the row is skipped, counted and reported.
        case scoreAboveMaximum = "score_above_maximum"
        case negativeScore = "negative_score"
        case notANumber = "not_a_number"
        case markOutOfRange = "mark_out_of_range"
        case missingValue = "missing_value"
        case sumMismatch = "sum_mismatch"
        case markContradictsScale = "mark_contradicts_scale"
        case duplicateParticipant = "duplicate_participant"
        case invalidValue = "invalid_value"
    }

    public var code: Code
    /// File name as given (the last path component is enough for a person).
    public var file: String
    /// 1-based row as a spreadsheet shows it, if the error is about one row.
    public var row: Int?
    /// Column as a spreadsheet shows it (`F`) with its header (`Отметка`), if known.
    public var column: String?
    /// What was expected, in Russian.
    public var expected: String
    /// What was found, in Russian (a cell value, a count), if useful.
    public var found: String?

    public init(_ code: Code, file: String, row: Int? = nil, column: String? = nil, expected: String, found: String? = nil) {
        self.code = code
        self.file = file
        self.row = row
        self.column = column
        self.expected = expected
        self.found = found
    }

    /// Whether the error rejects the whole file rather than one row.
    public var isFileLevel: Bool {
        switch code {
        case .unreadableFile, .emptyFile, .binaryContent, .archiveTooLarge, .archiveTooManyEntries,
            .malformedArchive, .noHeader, .unknownTable, .missingColumn, .noSitting, .noSchool,
            .nonMonotoneScale, .noValidRows:
            return true
        default:
            return false
        }
    }

    /// `file:row:column` as compilers print it.
    public var location: String {
        [file, row.map(String.init), column].compactMap { $0 }.joined(separator: ":")
    }

    /// One line: location, code, expected and found, in Russian.
    public var description: String {
        var text = "\(location): [\(code.rawValue)] ожидалось: \(expected)"
        if let found { text += "; найдено: \(found)" }
        return text
    }

    /// The text of `NAME.error.txt`: Russian first, then English.
    public var report: String {
        var lines = ["Файл: \(file)"]
        if let row { lines.append("Строка: \(row)") }
        if let column { lines.append("Столбец: \(column)") }
        lines.append("Ошибка: \(code.russianSummary)")
        lines.append("Ожидалось: \(expected)")
        if let found { lines.append("Найдено: \(found)") }
        lines.append("")
        lines.append("File: \(file)")
        if let row { lines.append("Row: \(row)") }
        if let column { lines.append("Column: \(column)") }
        lines.append("Error: \(code.englishSummary) (\(code.rawValue))")
        return lines.joined(separator: "\n") + "\n"
    }
}
