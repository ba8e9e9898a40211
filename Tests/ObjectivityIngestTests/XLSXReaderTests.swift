import Foundation
import ObjectivityIngest
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
