import Foundation
import ObjectivityCore
import ObjectivityIngest
import ObjectivityTesting
import Testing

@Suite struct VPRReaderTests {
    private func vpr(_ path: String) throws -> VPRFile {
        let report = try Fixtures.reader().read(url: Fixtures.uploads.appendingPathComponent(path))
        guard case .vprResults(let file) = try #require(report.content) else {
            Issue.record("not a ВПР file")
            throw CancellationError()
        }
        return file
    }

    @Test func windows1251Export_withPreamble_yieldsSittingSchoolLevelsAndMarkers() throws {
        let file = try vpr("good/vpr-2025-matematika-5.csv")
        #expect(file.key == SittingKey(year: 2025, subject: "Математика", grade: 5))
        #expect(file.batch.schools.values == ["edu220152"])
        #expect(file.batch.tasks.first?.level == .basic)
        #expect(file.batch.tasks.last == TaskDescriptor(label: "12", maxScore: 2, level: .high))
        #expect(file.batch.works.taskScores.contains(WorkColumns.notAttempted))
        #expect(file.batch.works.journalMark.contains(WorkColumns.noJournalMark))
        #expect(file.issues.warnings.isEmpty)
    }

    @Test func nameColumns_areDroppedAndNoNameIsStored() throws {
        let file = try vpr("good/ВПР_2025_Математика_5_Ленинский.csv")
        #expect(file.droppedNameColumns == ["A"])
        let stored = file.batch.schools.values + file.batch.classes.values + file.batch.municipalities.values
            + (0..<file.batch.works.count).map { file.batch.works.participantCode[$0] }
        #expect(!stored.contains { $0.contains("Иванов") || $0.contains("Пётр") })
        #expect(file.batch.municipalities.values == ["Ленинский"])
        #expect(file.ignoredColumns == ["Пол"])
    }

    @Test func quotedCellsWithDelimitersQuotesAndNewlines_doNotShiftColumns() throws {
        let file = try vpr("good/export_comma_quoted.csv")
        #expect(file.batch.works.count == 11)
        #expect(file.issues.skippedRows == 0)
        #expect(file.ignoredColumns == ["Комментарий"])
    }

    @Test func derivedScale_isTheLowestScoreSeenWithEachMark() throws {
        let file = try vpr("good/vpr-2025-matematika-5.csv")
        let works = file.batch.works
        for mark in 3...5 {
            let lowest = zip(works.primaryScore, works.mark).filter { Int($1) == mark }.map { Int($0.0) }.min()
            #expect(file.derivedScale.cut(for: mark) == lowest)
        }
        #expect(file.knownScale == MarkScale(cut3: 7, cut4: 11, cut5: 15, maxScore: 20))
    }

    @Test func scaleDisagreeingWithModels_isReported() throws {
        var models = try Fixtures.models()
        models.scales.add(MarkScale(cut3: 5, cut4: 9, cut5: 13, maxScore: 20), for: SittingKey(year: 2025, subject: "Математика", grade: 5))
        let report = InputFileReader(models: models).read(url: Fixtures.uploads.appendingPathComponent("good/vpr-2025-matematika-5.csv"))
        let warnings = try #require(report.content).issues.warnings
        #expect(warnings.contains { $0.contains("расходится с известной шкалой") })
    }

    @Test func partlyBadFile_keepsTheGoodRowsAndNotesTheUnreadableJournalMark() throws {
        let file = try vpr("bad/ВПР_2025_Математика_5_row_errors.csv")
        #expect(file.issues.cellNoteCount == 1)
        #expect(file.issues.cellNotes.first?.row == 18)
        #expect(file.issues.skippedByCode[.missingValue] == 2)
    }

    @Test func errorReport_namesFileRowColumnInBothLanguages() throws {
        let file = try vpr("bad/ВПР_2025_Математика_5_row_errors.csv")
        let first = try #require(file.issues.samples.first)
        #expect(first.location == "ВПР_2025_Математика_5_row_errors.csv:4:H «4 (2б)»")
        #expect(first.report.contains("Строка: 4"))
        #expect(first.report.contains("Row: 4"))
        #expect(first.report.contains("score_above_maximum"))
    }
}
