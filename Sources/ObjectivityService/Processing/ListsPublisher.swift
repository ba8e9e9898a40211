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

    public mutating func publish(_ analyses: [SittingAnalysis]) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let latest = analyses.map(\.sitting.key.year).max().map(String.init) ?? ""
        try write("Наблюдатели_после_\(latest)", title: "Рекомендуется направить независимых наблюдателей (видеонаблюдение, контроль объективности)",
                  header: ObserverList.header, rows: ObserverList.rows(analyses), widths: [7, 12, 20, 9, 12, 14, 110])
        try write("Стабильно_без_признаков", title: "ОО без признаков необъективности не менее трёх лет подряд во всех анализируемых сессиях",
                  header: StablyObjectiveList.header, rows: StablyObjectiveList.rows(analyses), widths: [12, 20, 22, 60, 60])
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
