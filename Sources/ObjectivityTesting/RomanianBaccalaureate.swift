public import Foundation

/// The real Romanian baccalaureate data in `../shared/realdata/romania-bac/`: a positive
/// control for bunching (pass mark 5.00), read for tests.
public enum RomanianBaccalaureate {
    /// The data folder beside the repository.
    public static let directory = Fixtures.root.deletingLastPathComponent().appendingPathComponent("shared/realdata/romania-bac")

    /// Grades run 1.00–10.00 in steps of 0.05: 181 bins, bin 0 = 1.00.
    public static let bins = 181

    /// The bin of a grade (1.00 → 0, 5.00 → 80, 10.00 → 180).
    public static func bin(ofGrade grade: Double) -> Int { Int(((grade - 1.0) / 0.05).rounded()) }

    /// Counts per bin of `column` (e.g. `ro_written_initial`) in `file`; empty cells skipped.
    public static func histogram(file: String, column: String) throws -> [Double] {
        let text = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true).makeIterator()
        guard let header = lines.next().map({ fields(of: $0) }), let index = header.firstIndex(of: column) else {
            throw CocoaError(.fileReadCorruptFile)
        }
        var counts = [Double](repeating: 0, count: bins)
        while let line = lines.next() {
            let cells = fields(of: line)
            guard index < cells.count, let grade = Double(cells[index]) else { continue }
            let b = bin(ofGrade: grade)
            if counts.indices.contains(b) { counts[b] += 1 }
        }
        return counts
    }

    /// Comma-separated fields with double-quoted cells (which may hold commas and "").
    private static func fields(of line: Substring) -> [String] {
        var result: [String] = []
        var current = ""
        var quoted = false
        var iterator = line.makeIterator()
        while let ch = iterator.next() {
            if quoted {
                if ch == "\"" {
                    quoted = false
                } else {
                    current.append(ch)
                }
            } else if ch == "\"" {
                quoted = true
            } else if ch == "," {
                result.append(current)
                current = ""
            } else if ch != "\r" {
                current.append(ch)
            }
        }
        result.append(current)
        return result
    }
}
