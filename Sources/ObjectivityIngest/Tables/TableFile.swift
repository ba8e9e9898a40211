import Foundation

/// A table read from a file of either kind, CSV or XLSX, detected from the bytes.
struct TableFile {
    let name: String
    let format: TableFormat
    /// An upper estimate of the number of rows (line breaks in a text table), 0 if unknown.
    let estimatedRows: Int
    private let source: Source

    private enum Source {
        case text(DelimitedTextSource)
        case workbook(WorkbookSource)
    }

    /// Opens the table held in `data`. `name` is the file name used in errors.
    init(bytes data: [UInt8], name: String, limits: ArchiveLimits) throws(IngestError) {
        self.name = name
        guard !data.isEmpty else {
            throw IngestError(.emptyFile, file: name, expected: "таблица с заголовком и строками работ", found: "0 байт")
        }
        if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) || data.starts(with: [0x50, 0x4B, 0x05, 0x06]) {
            do {
                source = .workbook(try WorkbookSource(data: Data(data), fileName: name, limits: limits))
            } catch {
                throw Self.ingestError(error, file: name, limits: limits)
            }
            format = .xlsx
            estimatedRows = 0
            return
        }
        let decoded: TextDecoder.Decoded
        do {
            decoded = try TextDecoder.decode(data)
        } catch {
            switch error {
            case .binary(let offset):
                throw IngestError(.binaryContent, file: name, expected: "текст CSV (UTF-8 или Windows-1251) или книга XLSX",
                                  found: "управляющий байт в позиции \(offset)")
            }
        }
        if decoded.utf8.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 || $0 == UInt8(ascii: ";") || $0 == UInt8(ascii: ",") }) {
            throw IngestError(.emptyFile, file: name, expected: "таблица с заголовком и строками работ", found: "только пробелы и разделители")
        }
        let delimiter = DelimitedTextSource.detectDelimiter(in: decoded.utf8)
        source = .text(DelimitedTextSource(text: decoded.utf8, delimiter: delimiter))
        estimatedRows = decoded.lineBreaks + 1
        format = .delimitedText(encoding: decoded.encoding, delimiter: delimiter)
    }

    /// Calls `body` with each row; `body` returns `false` to stop. Errors thrown by
    /// `body` pass through; failures of the archive become ``IngestError``s.
    func forEachRow(limits: ArchiveLimits, _ body: (RawRow) throws -> Bool) throws {
        switch source {
        case .text(let text):
            try text.forEachRow(body)
        case .workbook(let workbook):
            do {
                try workbook.forEachRow(body)
            } catch let failure as WorkbookSource.Failure {
                throw Self.ingestError(failure, file: name, limits: limits)
            }
        }
    }

    private static func ingestError(_ failure: WorkbookSource.Failure, file: String, limits: ArchiveLimits) -> IngestError {
        switch failure {
        case .malformed(let why):
            return IngestError(.malformedArchive, file: file, expected: "книга XLSX (Office Open XML)", found: why)
        case .unwritableTemporaryFile(let why):
            return IngestError(.unreadableFile, file: file, expected: "место для временной копии книги XLSX", found: why)
        case .tooManyEntries(let count):
            return IngestError(.archiveTooManyEntries, file: file, expected: "не более \(limits.maxEntries) элементов в архиве",
                               found: "более \(count - 1)")
        case .tooLarge(let bytes):
            return IngestError(.archiveTooLarge, file: file,
                               expected: "не более \(limits.maxUncompressedBytes / 1_048_576) МиБ после распаковки",
                               found: "не менее \(bytes / 1_048_576) МиБ")
        }
    }
}
