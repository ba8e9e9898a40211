public import Foundation

/// The CSV people's Excel opens without questions in Russia: UTF-8 with BOM, «;», CRLF,
/// cells quoted where they hold a «;», a quote or a line break.
public enum SemicolonCSV {
    public static func bytes(header: [String], rows: [[String]]) -> [UInt8] {
        func cell(_ text: String) -> String {
            text.contains(where: { $0 == ";" || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
        }
        let lines = ([header] + rows).map { $0.map(cell).joined(separator: ";") }
        return [0xEF, 0xBB, 0xBF] + Array(lines.joined(separator: "\r\n").utf8) + [0x0D, 0x0A]
    }
}

extension XLSXWriter {
    /// Writes the workbook under a temporary dot-name beside `url`, then renames it: a
    /// reader never opens half a workbook.
    public static func writeAtomically(_ sheets: [SpreadsheetSheet], to url: URL, created: Int? = nil) throws {
        let temporary = url.deletingLastPathComponent().appendingPathComponent("." + url.lastPathComponent + ".tmp-\(getpid())")
        try write(sheets, to: temporary.path, created: created)
        guard rename(temporary.path, url.path) == 0 else { throw AtomicFileWriter.Failure(path: temporary.path, code: errno) }
    }
}
