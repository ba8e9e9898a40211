import Foundation
import ObjectivityTesting
import Testing

@Suite struct InspectCommandTests {
    @Test func goodUploads_areAllAcceptedAndExitZero() throws {
        let outcome = try CommandRunner.run(["inspect", "fixtures/uploads/good"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput.contains("Файлов: 9, принято: 9, отклонено: 0"))
        #expect(outcome.standardOutput.contains("ВПР 2025 Математика 5 класс: файлов 5, ОО 6, работ 87"))
        #expect(outcome.standardOutput.contains("формат: CSV, Windows-1251, разделитель «;»"))
        #expect(outcome.standardOutput.contains("12 (2б, В)"))
    }

    @Test func badUploads_printReasonsAndExitNonZero() throws {
        let outcome = try CommandRunner.run(["inspect", "fixtures/uploads/bad"])
        #expect(outcome.status == 1)
        #expect(outcome.standardOutput.contains("ОТКЛОНЁН: архив XLSX слишком велик после распаковки"))
        #expect(outcome.standardOutput.contains("ВПР_2025_Математика_5_row_errors.csv:4:H «4 (2б)»: [score_above_maximum]"))
    }

    @Test func missingPath_isReportedAsUnreadable() throws {
        let outcome = try CommandRunner.run(["inspect", "no/such/file.csv"])
        #expect(outcome.status == 1)
        #expect(outcome.standardOutput.contains("[unreadable_file]"))
    }
}
