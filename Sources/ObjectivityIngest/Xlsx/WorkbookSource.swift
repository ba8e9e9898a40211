import Foundation
import ZIPFoundation

/// Rows of the first worksheet of an XLSX workbook.
///
/// Reads the workbook's own pointers (`workbook.xml` and its relationships) to find
/// the first sheet, loads the shared strings, then streams the sheet through
/// ``SheetRowParser``.
struct WorkbookSource {
    private let archive: Archive
    private let sheetEntry: Entry
    private let sharedStringsEntry: Entry?
    private let limits: ArchiveLimits
    private let fileName: String

    enum Failure: Error {
        case malformed(String)
        case unwritableTemporaryFile(String)
        case tooManyEntries(Int)
        case tooLarge(UInt64)
    }

    init(data: Data, fileName: String, limits: ArchiveLimits) throws(Failure) {
        self.limits = limits
        self.fileName = fileName
        guard EndOfCentralDirectory.offset(in: data) != nil else {
            throw .malformed("архив ZIP обрезан: нет записи о конце каталога")
        }
        let archive = try Self.openFileBacked(data)
        var entries: [String: Entry] = [:]
        var declared: UInt64 = 0
        var count = 0
        for entry in archive {
            count += 1
            if count > limits.maxEntries { throw .tooManyEntries(count) }
            declared &+= entry.uncompressedSize
            if declared > limits.maxUncompressedBytes { throw .tooLarge(declared) }
            entries[entry.path] = entry
        }
        self.archive = archive
        guard entries["xl/workbook.xml"] != nil || entries.keys.contains(where: { $0.hasPrefix("xl/worksheets/") }) else {
            throw .malformed("в архиве нет книги Excel (xl/workbook.xml)")
        }
        var budget = limits.maxUncompressedBytes
        let sheetPath = try Self.firstSheetPath(archive: archive, entries: entries, budget: &budget)
        guard let sheet = entries[sheetPath] else { throw .malformed("нет листа \(sheetPath)") }
        sheetEntry = sheet
        sharedStringsEntry = entries["xl/sharedStrings.xml"]
    }

    /// Opens `data` through a temporary file, unlinked as soon as it is open.
    ///
    /// ZIPFoundation's in-memory archive traps (a negative range in `MemoryFile.readData`)
    /// when a directory offset points past the end of the data — one hostile `.xlsx` would
    /// stop the daemon (found by fuzzing: scripts/fuzz.sh xlsx). A real file reads short
    /// there instead, and the archive is refused as malformed.
    private static func openFileBacked(_ data: Data) throws(Failure) -> Archive {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("objectivity-\(UUID().uuidString).xlsx")
        guard FileManager.default.createFile(atPath: url.path, contents: data, attributes: [.posixPermissions: 0o600]) else {
            throw .unwritableTemporaryFile("не удалось записать \(url.path): \(String(cString: strerror(errno)))")
        }
        defer { unlink(url.path) }
        do {
            return try Archive(url: url, accessMode: .read)
        } catch {
            throw .malformed("не удалось открыть архив ZIP")
        }
    }

    /// Calls `body` with each row of the first sheet; `body` returns `false` to stop.
    func forEachRow(_ body: (RawRow) throws -> Bool) throws {
        var budget = limits.maxUncompressedBytes
        var strings = SharedStrings()
        if let entry = sharedStringsEntry {
            strings = SharedStrings(xml: try Self.read(entry, from: archive, budget: &budget))
        }
        var parser = SheetRowParser(strings: strings)
        try Self.stream(sheetEntry, from: archive, budget: &budget) { try parser.feed($0, emit: body) }
        try parser.finish(emit: body)
    }

    private static func firstSheetPath(archive: Archive, entries: [String: Entry], budget: inout UInt64) throws(Failure) -> String {
        let fallback = entries.keys.filter { $0.hasPrefix("xl/worksheets/sheet") && $0.hasSuffix(".xml") }
            .sorted { $0.count != $1.count ? $0.count < $1.count : $0 < $1 }.first
        guard let workbook = entries["xl/workbook.xml"], let rels = entries["xl/_rels/workbook.xml.rels"] else {
            guard let fallback else { throw .malformed("в книге нет листов") }
            return fallback
        }
        let workbookXML = try read(workbook, from: archive, budget: &budget)
        let relsXML = try read(rels, from: archive, budget: &budget)
        guard let sheetTag = tagBody(named: "<sheet", in: workbookXML),
              let id = XMLText.attribute(Array("r:id".utf8), in: sheetTag) else {
            guard let fallback else { throw .malformed("в книге нет листов") }
            return fallback
        }
        var rest = relsXML[...]
        while let open = XMLText.firstRange(of: Array("<Relationship".utf8), in: rest),
              let gt = rest[open.upperBound...].firstIndex(of: UInt8(ascii: ">")) {
            let tag = rest[open.upperBound..<gt]
            if let relID = XMLText.attribute(Array("Id".utf8), in: tag), relID.elementsEqual(id),
               let target = XMLText.attribute(Array("Target".utf8), in: tag) {
                let path = String(decoding: target, as: UTF8.self)
                return path.hasPrefix("/") ? String(path.dropFirst()) : "xl/" + path
            }
            rest = rest[(gt + 1)...]
        }
        guard let fallback else { throw .malformed("не найден первый лист книги") }
        return fallback
    }

    private static func tagBody(named name: String, in xml: [UInt8]) -> ArraySlice<UInt8>? {
        var rest = xml[...]
        let needle = Array(name.utf8)
        while let open = XMLText.firstRange(of: needle, in: rest) {
            guard open.upperBound < rest.endIndex else { return nil }
            let next = rest[open.upperBound]
            if next == 0x20 || next == 0x0A || next == 0x09 || next == 0x0D,
               let gt = rest[open.upperBound...].firstIndex(of: UInt8(ascii: ">")) {
                return rest[open.upperBound..<gt]
            }
            rest = rest[open.upperBound...]
        }
        return nil
    }

    /// Inflates one entry whole, within the remaining budget.
    private static func read(_ entry: Entry, from archive: Archive, budget: inout UInt64) throws(Failure) -> [UInt8] {
        var bytes: [UInt8] = []
        do {
            try stream(entry, from: archive, budget: &budget) { bytes.append(contentsOf: $0) }
        } catch let failure as Failure {
            throw failure
        } catch {
            throw .malformed("повреждён элемент \(entry.path)")
        }
        return bytes
    }

    /// Inflates one entry chunk by chunk, counting the actual bytes against the budget
    /// and against the entry's declared size.
    private static func stream(_ entry: Entry, from archive: Archive, budget: inout UInt64, _ consume: (Data) throws -> Void) throws {
        var seen: UInt64 = 0
        let declared = entry.uncompressedSize
        let remaining = budget
        var consumerError: (any Error)?
        do {
            _ = try archive.extract(entry, bufferSize: 64 * 1024, skipCRC32: false) { chunk in
                seen += UInt64(chunk.count)
                if seen > remaining || seen > declared { throw Failure.tooLarge(seen) }
                do {
                    try consume(chunk)
                } catch {
                    consumerError = error
                    throw error
                }
            }
        } catch let failure as Failure {
            throw failure
        } catch {
            if let consumerError { throw consumerError }
            throw Failure.malformed("повреждён элемент \(entry.path)")
        }
        budget = remaining - seen
    }
}
