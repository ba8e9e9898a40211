public import Foundation
public import ObjectivityCore
internal import ObjectivityReports

/// Keeps `out/lists/` in step with the analysis: the observer list for the next
/// assessment and the list of schools stably without signs, each as XLSX and CSV,
/// rewritten only when their content changed.
public struct ListsPublisher: Sendable {
    public let directory: URL
    private var written: [String: [UInt8]] = [:]

    public init(directories: ServiceDirectories) {
        directory = directories.out.appendingPathComponent("lists")
    }

    /// - Parameter registry: fills the municipality of schools whose exports did not name it.
    public mutating func publish(_ analyses: [SittingAnalysis], registry: [SchoolRecord] = []) throws {
        guard let latest = analyses.map(\.sitting.key.year).max() else { return }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let municipalities = Dictionary(registry.map { ($0.login, $0.municipality) }, uniquingKeysWith: { first, _ in first })
        func filled(_ rows: [[String]]) -> [[String]] {
            rows.map { row in
                var row = row
                if row[2].isEmpty, let known = municipalities[row[1]] { row[2] = known }
                return row
            }
        }
        try write("Наблюдатели", title: "Рекомендуется направить независимых наблюдателей (видеонаблюдение, контроль объективности) — по итогам ВПР \(latest) г.",
                  header: ObserverList.header, rows: filled(ObserverList.rows(analyses)), widths: [7, 12, 20, 9, 12, 14, 110])
        // This list's school is in its first column, the municipality in its second.
        let stable = StablyObjectiveList.rows(analyses).map { row in
            row[1].isEmpty ? [row[0], municipalities[row[0]] ?? ""] + row.dropFirst(2) : row
        }
        try write("Стабильно_без_признаков", title: "ОО без признаков необъективности не менее трёх лет подряд во всех анализируемых сессиях",
                  header: StablyObjectiveList.header, rows: stable, widths: [12, 20, 22, 60, 60])
    }

    private mutating func write(_ base: String, title: String, header: [String], rows: [[String]], widths: [Double]) throws {
        let bytes = SemicolonCSV.bytes(header: header, rows: rows)
        guard written[base] != bytes else { return }
        try AtomicFileWriter.write(bytes, to: directory.appendingPathComponent(base + ".csv"))
        let sheet = SpreadsheetSheet(name: "Список", preamble: [[.text(title)]], header: header,
                                     rows: rows.map { $0.map { SpreadsheetCell.text($0) } }, columnWidths: widths)
        try XLSXWriter.writeAtomically([sheet], to: directory.appendingPathComponent(base + ".xlsx"))
        written[base] = bytes
    }
}
