public import Foundation

/// Reads any input of FORMATS.md — ВПР Ф1, ГИА, registry, recheck outcomes — from CSV
/// or XLSX, recognising the kind by its header row.
///
/// Never throws: a file that cannot be used comes back as a report with an
/// ``IngestError`` that names the file, row and column, so a batch goes on.
public struct InputFileReader: Sendable {
    /// Subjects and known scales (fixed: ``memo`` holds interpretations made with them).
    public let models: ReferenceModels
    /// Bounds on XLSX expansion.
    public var archiveLimits: ArchiveLimits
    /// Largest input file accepted, in bytes (default 1 GiB).
    public var maxFileBytes: Int
    /// How many rows above the header may hold a preamble before the file is
    /// declared headerless.
    public var maxPreambleRows: Int
    /// Header rows and titles already interpreted, shared by every copy of this reader.
    let memo = HeaderMemo()

    public init(models: ReferenceModels, archiveLimits: ArchiveLimits = ArchiveLimits(), maxFileBytes: Int = 1 << 30,
                maxPreambleRows: Int = 100) {
        self.models = models
        self.archiveLimits = archiveLimits
        self.maxFileBytes = maxFileBytes
        self.maxPreambleRows = maxPreambleRows
    }

    /// Reads the file at `url`.
    public func read(url: URL) -> InputFileReport {
        read(path: url.path)
    }

    /// Reads the file at `path`: a batch lists its files as paths, a URL for each of a
    /// national inbox's 213,229 files held some 75 MB to the end of the scan.
    public func read(path: String) -> InputFileReport {
        // The name cut from the path, without parsing a URL (0.3 % of a national scan).
        let cut = path.lastIndex(of: "/").map { String(path[path.index(after: $0)...]) } ?? path
        let name = cut.isEmpty ? path : cut
        switch FileBytes.read(path: path, limit: maxFileBytes) {
        case .success(let bytes):
            return read(bytes: bytes, name: name)
        case .failure(let failure):
            let (expected, found): (String, String) = switch failure {
            case .tooLarge(let size): ("файл не больше \(maxFileBytes / 1_048_576) МиБ", "\(size / 1_048_576) МиБ")
            case .notARegularFile: ("обычный файл", "каталог, ссылка или устройство")
            case .system(let errno): ("читаемый файл", String(cString: strerror(errno)))
            }
            return InputFileReport(file: name, format: nil, outcome: .failure(IngestError(
                .unreadableFile, file: name, expected: expected, found: found)))
        }
    }

    /// Reads a file already in memory; `name` is used for messages and for metadata
    /// carried by the file name.
    public func read(data: Data, name: String) -> InputFileReport {
        read(bytes: [UInt8](data), name: name)
    }

    /// Reads a file already in memory as bytes (no copy is made of a UTF-8 file).
    public func read(bytes: [UInt8], name: String) -> InputFileReport {
        let table: TableFile
        do {
            table = try TableFile(bytes: bytes, name: name, limits: archiveLimits)
        } catch {
            return InputFileReport(file: name, format: nil, outcome: .failure(error))
        }
        do {
            return InputFileReport(file: name, format: table.format, outcome: .success(try readContent(of: table)))
        } catch let error as IngestError {
            return InputFileReport(file: name, format: table.format, outcome: .failure(error))
        } catch {
            return InputFileReport(file: name, format: table.format, outcome: .failure(IngestError(
                .unreadableFile, file: name, expected: "читаемая таблица", found: "\(error)")))
        }
    }

    private func readContent(of table: TableFile) throws -> InputContent {
        let name = table.name
        var preamble: [[String]] = []
        var vpr: VPRTableReader?
        var gia: GIATableReader?
        var registry: SchoolRegistryReader?
        var recheck: RecheckOutcomesReader?
        var kind: TableKind?
        var headerError: IngestError?
        try table.forEachRow(limits: archiveLimits) { row in
            switch kind {
            case .vprResults: vpr!.consume(row)
            case .giaResults: gia!.consume(row)
            case .schoolRegistry: registry!.consume(row)
            case .recheckOutcomes: recheck!.consume(row)
            case nil:
                let cells = row.strings
                let key = TableKind.mayBeHeader(cells) ? HeaderMemo.Key(row: row) : nil
                guard let key, let recognised = memo.headerKind(of: key, recognise: { TableKind.recognise(foldedHeader: cells.map(CellText.folded)) }) else {
                    preamble.append(cells)
                    if preamble.count >= maxPreambleRows {
                        headerError = IngestError(.noHeader, file: name, expected: Self.headerExpectation,
                                                  found: "в первых \(maxPreambleRows) строках заголовка нет")
                        return false
                    }
                    return true
                }
                kind = recognised
                switch recognised {
                case .vprResults:
                    vpr = try VPRTableReader(fileName: name, preambleRows: preamble, header: cells, headerKey: key, models: models, memo: memo,
                                             expectedRows: max(0, table.estimatedRows - preamble.count - 1))
                case .giaResults:
                    gia = try GIATableReader(fileName: name, header: cells, models: models,
                                             expectedRows: max(0, table.estimatedRows - preamble.count - 1))
                case .schoolRegistry: registry = try SchoolRegistryReader(fileName: name, header: cells, models: models)
                case .recheckOutcomes: recheck = try RecheckOutcomesReader(fileName: name, header: cells, models: models)
                }
            }
            return true
        }
        if let headerError { throw headerError }
        switch kind {
        case .vprResults: return .vprResults(try vpr!.finish())
        case .giaResults: return .giaResults(try gia!.finish())
        case .schoolRegistry: return .schoolRegistry(try registry!.finish())
        case .recheckOutcomes: return .recheckOutcomes(try recheck!.finish())
        case nil:
            throw IngestError(.noHeader, file: name, expected: Self.headerExpectation,
                              found: preamble.isEmpty ? "строк нет" : "\(preamble.count) строк без заголовка")
        }
    }

    private static let headerExpectation =
        "строка заголовков: ВПР — «Код участника» и «Первичный балл»; ГИА — и «Экзамен»; реестр — «ОО» и «Тип ОО»; перепроверка — «… после перепроверки»"
}
