extension IngestError.Code {
    /// A short Russian description for people reading an error file.
    public var russianSummary: String {
        switch self {
        case .unreadableFile: "файл не удалось прочитать"
        case .emptyFile: "файл пуст"
        case .binaryContent: "файл не является таблицей (двоичное содержимое)"
        case .archiveTooLarge: "архив XLSX слишком велик после распаковки"
        case .archiveTooManyEntries: "в архиве XLSX слишком много элементов"
        case .malformedArchive: "файл XLSX повреждён"
        case .noHeader: "не найдена строка заголовков"
        case .unknownTable: "таблица неизвестного вида"
        case .missingColumn: "нет обязательного столбца"
        case .noSitting: "не удалось определить год, предмет или класс"
        case .noSchool: "не удалось определить ОО"
        case .nonMonotoneScale: "отметки не согласуются ни с одной шкалой перевода"
        case .noValidRows: "в файле нет ни одной пригодной строки"
        case .scoreAboveMaximum: "балл выше максимума задания"
        case .negativeScore: "отрицательный балл"
        case .notANumber: "значение не является числом"
        case .markOutOfRange: "отметка вне диапазона 2–5"
        case .missingValue: "пустое обязательное значение"
        case .sumMismatch: "первичный балл не равен сумме баллов за задания"
        case .markContradictsScale: "отметка противоречит шкале, выведенной из файла"
        case .duplicateParticipant: "повтор кода участника"
        case .invalidValue: "недопустимое значение"
        }
    }

    /// A short English description for logs and the second half of an error file.
    public var englishSummary: String {
        switch self {
        case .unreadableFile: "the file could not be read"
        case .emptyFile: "the file is empty"
        case .binaryContent: "the file is not a table (binary content)"
        case .archiveTooLarge: "the XLSX archive is too large when expanded"
        case .archiveTooManyEntries: "the XLSX archive has too many entries"
        case .malformedArchive: "the XLSX file is damaged"
        case .noHeader: "no header row was found"
        case .unknownTable: "the table is of no known kind"
        case .missingColumn: "a required column is missing"
        case .noSitting: "year, subject or grade could not be determined"
        case .noSchool: "the school could not be determined"
        case .nonMonotoneScale: "the marks agree with no monotone conversion scale"
        case .noValidRows: "the file has no usable row"
        case .scoreAboveMaximum: "task score above the task's maximum"
        case .negativeScore: "negative score"
        case .notANumber: "the value is not a number"
        case .markOutOfRange: "mark outside 2–5"
        case .missingValue: "a required value is empty"
        case .sumMismatch: "primary score differs from the sum of task scores"
        case .markContradictsScale: "mark contradicts the scale derived from the file"
        case .duplicateParticipant: "participant code repeated"
        case .invalidValue: "invalid value"
        }
    }
}
