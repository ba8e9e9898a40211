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
        let system = URL(fileURLWithPath: "/usr/bin/python3")
        let direct = FileManager.default.isExecutableFile(atPath: system.path)
        let script = [Fixtures.root.appendingPathComponent("scripts/xlsx_sheets.py").path] + files.map(\.path)
        let run = try ProcessRun.run(direct ? system : URL(fileURLWithPath: "/usr/bin/env"), (direct ? [] : ["python3"]) + script)
        guard run.status == 0 else { throw Failure(description: "openpyxl could not read the workbooks: " + run.standardError) }
        let data = run.output
        return try JSONDecoder().decode([String: [Sheet]].self, from: data)
    }
}
