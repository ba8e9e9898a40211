import Foundation
@testable import ObjectivityIngest
import ObjectivityTesting
import Testing

@Suite struct XLSXReaderTests {
    @Test func openpyxlWorkbook_withGapsAndFloatMarks_isRead() throws {
        let report = try Fixtures.reader().read(url: Fixtures.uploads.appendingPathComponent("good/ВПР_2025_Математика_5_openpyxl.xlsx"))
        #expect(report.format == .xlsx)
        guard case .vprResults(let file) = try #require(report.content) else { return }
        #expect(file.batch.works.count == 16)
        #expect(file.batch.tasks.count == 13)
        #expect(file.batch.works.mark.allSatisfy { (2...5).contains($0) })
    }

    @Test func archiveAboveTheConfiguredLimit_isRefusedWithoutExpanding() throws {
        // The openpyxl fixture expands to a few tens of kilobytes; a 1 KiB limit refuses it.
        let reader = InputFileReader(models: try Fixtures.models(), archiveLimits: ArchiveLimits(maxUncompressedBytes: 1024))
        let report = reader.read(url: Fixtures.uploads.appendingPathComponent("good/ВПР_2025_Математика_5_openpyxl.xlsx"))
        #expect(report.error?.code == .archiveTooLarge)
    }

    @Test func archiveWithMoreEntriesThanConfigured_isRefused() throws {
        let reader = InputFileReader(models: try Fixtures.models(), archiveLimits: ArchiveLimits(maxEntries: 3))
        let report = reader.read(url: Fixtures.uploads.appendingPathComponent("good/ВПР_2025_Математика_5_openpyxl.xlsx"))
        #expect(report.error?.code == .archiveTooManyEntries)
    }
}

/// ZIPFoundation leaks an in-memory archive whose end-of-central-directory record is
/// missing: such archives must be refused before they reach it (the fuzz smoke run checks
/// the leak itself under LeakSanitizer).
@Suite struct EndOfCentralDirectoryTests {
    private func workbook() throws -> Data {
        try Data(contentsOf: Fixtures.uploads.appendingPathComponent("good/ВПР_2025_Математика_5_openpyxl.xlsx"))
    }

    @Test func completeArchive_hasItsRecordAtTheEnd() throws {
        let data = try workbook()
        #expect(EndOfCentralDirectory.offset(in: data) == data.count - EndOfCentralDirectory.recordSize)
    }

    @Test func cutArchive_hasNone_andIsRefusedAsMalformed() throws {
        let data = try workbook()
        let cut = data.prefix(data.count - 10)
        #expect(EndOfCentralDirectory.offset(in: Data(cut)) == nil)
        let report = try Fixtures.reader().read(data: Data(cut), name: "ВПР_2025_Математика_5.xlsx")
        #expect(report.error?.code == .malformedArchive)
    }

    @Test func recordWhoseCommentRunsPastTheEnd_isNotComplete() throws {
        var data = try workbook()
        let comment = data.count - 2
        data[comment] = 0x10
        #expect(EndOfCentralDirectory.offset(in: data) == nil)
    }

    @Test func recordFartherFromTheEndThanTheLongestComment_isNotLookedFor() throws {
        var data = try workbook()
        data.append(Data(repeating: 0x20, count: 65_536))
        #expect(EndOfCentralDirectory.offset(in: data) == nil)
    }
}
