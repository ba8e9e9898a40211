import Foundation
import ObjectivityCore
import ObjectivityIngest
import ObjectivityReports
import ObjectivityTesting
import Testing

@Suite struct XLSXWriterTests {
    @Test func workbookWrittenWithLibxlsxwriter_readsBackThroughTheIngestReader() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("ВПР_2025_Математика_5_roundtrip.xlsx").path
        let header = ["ОО", "Код участника", "Класс", "1 (1б)", "2 (2б)", "Первичный балл", "Отметка", "Отметка по журналу"]
        let rows: [[SpreadsheetCell]] = [
            ["sch220150", "A-001", "5А", 1, 2, 3, 2, "нет отметки"],
            ["sch220150", "A-002", "5А", 0, .text("Х"), 0, 2, 3],
            ["sch220150", "A-003", "5Б", .empty, 1, 1, 2, .number(2)],
        ]
        try XLSXWriter.write([SpreadsheetSheet(name: "Ф1", header: header, rows: rows, columnWidths: [12, 14])], to: path)

        let report = try Fixtures.reader().read(url: URL(fileURLWithPath: path))
        #expect(report.format == .xlsx)
        guard case .vprResults(let file) = try #require(report.content, "\(String(describing: report.error))") else { return }
        #expect(file.key == SittingKey(year: 2025, subject: "Математика", grade: 5))
        #expect(file.batch.works.count == 3)
        #expect(file.batch.classes.values == ["5А", "5Б"])
        #expect(Array(file.batch.works.taskScores) == [1, 2, 0, WorkColumns.notAttempted, WorkColumns.notAttempted, 1])
        #expect(file.batch.works.journalMark == [WorkColumns.noJournalMark, 3, 2])
        #expect(file.batch.works.participantCode[1] == "A-002")
    }

    @Test func unwritablePath_isAnErrorNotACrash() {
        #expect(throws: XLSXWriter.Failure.self) {
            try XLSXWriter.write([SpreadsheetSheet(name: "a", header: ["x"], rows: [])], to: "/nonexistent-dir/x.xlsx")
        }
    }
}
