import Foundation
import ObjectivityIngest
import ObjectivityTesting
import Testing

@Suite struct GIAReaderTests {
    /// Participant codes are unique within a school (as in the ВПР exports), not across the
    /// region: the same code in two schools is two pupils, twice in one school an error.
    @Test func participantCodes_areUniqueWithinASchool() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("ГИА_2025.csv")
        try """
        Год;Экзамен;Предмет;ОО;Код участника;Первичный балл;Тестовый балл;Отметка
        2025;ОГЭ;Математика;sch220001;16001;12;;3
        2025;ОГЭ;Математика;sch220002;16001;20;;4
        2025;ОГЭ;Математика;sch220002;16001;21;;4

        """.write(to: url, atomically: true, encoding: .utf8)
        let report = try Fixtures.reader().read(url: url)
        guard case .giaResults(let file) = report.content else {
            Issue.record("not read as ГИА: \(String(describing: report.error))")
            return
        }
        #expect(file.results.count == 2)
        #expect(file.issues.skippedRows == 1)
        #expect(file.issues.samples.first?.row == 4)
        #expect(file.issues.samples.first?.code == .duplicateParticipant)
    }
}
