public import Foundation

/// Opens XLSX workbooks with openpyxl (`scripts/xlsx_sheets.py` under the system Python),
/// a reader that shares no code with ours: what a commission's Excel would see.
public enum IndependentXLSXReader {
    public struct Sheet: Sendable, Decodable, Equatable {
        public let name: String
        /// Every row as text, empty cells as "".
        public let rows: [[String]]
    }

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// Sheets of each workbook, by path.
    public static func read(_ files: [URL]) throws -> [String: [Sheet]] {
        let process = Process()
        let system = URL(fileURLWithPath: "/usr/bin/python3")
        process.executableURL = FileManager.default.isExecutableFile(atPath: system.path) ? system : URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = (process.executableURL == system ? [] : ["python3"])
            + [Fixtures.root.appendingPathComponent("scripts/xlsx_sheets.py").path] + files.map(\.path)
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "openpyxl could not read the workbooks: " + String(decoding: errors, as: UTF8.self))
        }
        return try JSONDecoder().decode([String: [Sheet]].self, from: data)
    }
}
