public import Foundation
public import ObjectivityCore
internal import ObjectivityReports

/// Closes the outcome loop: matches the commissions' returned lists to the works they
/// were asked about, stores each alert's status and writes `out/recheck/Итоги_перепроверки.xlsx`
/// (and its two sheets as CSV) for people and `out/confirmation.json` for machines, when anything came back.
public struct ConfirmationPublisher: Sendable {
    public let directories: ServiceDirectories
    public let store: StateStore
    /// Whether the alerts' statuses are stored (false when regenerating files).
    public let recording: Bool
    private var written: [UInt8] = []

    public init(directories: ServiceDirectories, store: StateStore, recording: Bool = true) {
        self.directories = directories
        self.store = store
        self.recording = recording
    }

    /// Recomputes the confirmation from the store; returns each alert's tally (nil before
    /// any outcome came back).
    @discardableResult
    public mutating func publish(now: Date = Date()) throws -> [String: RecheckConfirmation.Tally]? {
        let works = try store.listedWorksWithOutcomes()
        let report = ConfirmationReport(works)
        guard report.hasOutcomes else { return nil }
        let tallies = RecheckConfirmation.byAlert(works)
        if recording { try store.recordConfirmations(tallies, at: now) }
        let json = try JSONLines.encodeObject(report)
        guard json != written else { return tallies }
        let directory = directories.out.appendingPathComponent("recheck")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try AtomicFileWriter.write(SemicolonCSV.bytes(header: ConfirmationReport.indicatorHeader, rows: report.indicatorCells),
                                   to: directory.appendingPathComponent("Итоги_перепроверки_по_признакам.csv"))
        try AtomicFileWriter.write(SemicolonCSV.bytes(header: ConfirmationReport.alertHeader, rows: report.alertCells),
                                   to: directory.appendingPathComponent("Итоги_перепроверки_по_оповещениям.csv"))
        let sheets = [
            SpreadsheetSheet(name: "По признакам", preamble: [[.text("Как часто комиссии снижали балл работ-оснований (доля снижений) по сравнению с контрольной выборкой")]],
                             header: ConfirmationReport.indicatorHeader,
                             rows: report.indicatorCells.map { $0.map { SpreadsheetCell.text($0) } },
                             columnWidths: [44, 12, 14, 12, 11, 11, 14, 14, 14, 14, 14, 14]),
            SpreadsheetSheet(name: "По оповещениям", header: ConfirmationReport.alertHeader,
                             rows: report.alertCells.map { $0.map { SpreadsheetCell.text($0) } },
                             columnWidths: [34, 30, 16, 14, 12, 14, 14]),
        ]
        try XLSXWriter.writeAtomically(sheets, to: directory.appendingPathComponent("Итоги_перепроверки.xlsx"))
        try AtomicFileWriter.write(json, to: directories.out.appendingPathComponent("confirmation.json"))
        written = json
        return tallies
    }
}
