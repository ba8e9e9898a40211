import Foundation
import ObjectivityCore
import ObjectivityIngest
import ObjectivityTesting
import Testing

/// Encodings and delimiters, fed through the public reader as in-memory files.
@Suite struct TextDecodingTests {
    private static let rows = [
        "ВПР 2025 Математика 5 класс",
        "ОО;Код участника;1 (1б);2 (2б);Первичный балл;Отметка;Отметка по журналу",
        "sch1;101;1;2;3;5;нет отметки",
        "sch1;102;0;Х;0;2;3",
        "sch1;103;1;1;2;4;4",
    ]

    private func read(_ data: Data, name: String = "t.csv", models: ReferenceModels? = nil) throws -> InputFileReport {
        InputFileReader(models: try models ?? Fixtures.models()).read(data: data, name: name)
    }

    @Test(arguments: ["\r\n", "\n", "\r"])
    func lineEndings_allReadTheSameWorks(_ newline: String) throws {
        let report = try read(Data(Self.rows.joined(separator: newline).utf8))
        #expect(report.format == .delimitedText(encoding: .utf8, delimiter: UInt8(ascii: ";")))
        guard case .vprResults(let file) = try #require(report.content) else { return }
        #expect(file.batch.works.count == 3)
        #expect(Array(file.batch.works.taskScores) == [1, 2, 0, WorkColumns.notAttempted, 1, 1])
    }

    @Test func windows1251Bytes_areDetectedAndTranscoded() throws {
        let text = Self.rows.joined(separator: "\r\n")
        let cp1251 = try #require(text.data(using: .windowsCP1251))
        let report = try read(cp1251)
        #expect(report.format == .delimitedText(encoding: .windows1251, delimiter: UInt8(ascii: ";")))
        #expect(report.content?.kind == .vprResults)
    }

    @Test func utf8WithBOM_andUTF16LE_areRead() throws {
        let text = Self.rows.joined(separator: "\r\n")
        let bom = try read(Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8))
        #expect(bom.format == .delimitedText(encoding: .utf8WithBOM, delimiter: UInt8(ascii: ";")))
        #expect(bom.content?.kind == .vprResults)
        let utf16 = try read(Data([0xFF, 0xFE]) + text.data(using: .utf16LittleEndian)!)
        #expect(utf16.format == .delimitedText(encoding: .utf16LE, delimiter: UInt8(ascii: ";")))
        #expect(utf16.content?.kind == .vprResults)
    }

    @Test(arguments: [",", "\t"])
    func otherDelimiters_areDetected(_ delimiter: String) throws {
        let text = Self.rows.map { $0.replacingOccurrences(of: ";", with: delimiter) }.joined(separator: "\n")
        let report = try read(Data(text.utf8))
        #expect(report.format == .delimitedText(encoding: .utf8, delimiter: UInt8(ascii: Unicode.Scalar(delimiter)!)))
        #expect(report.content?.kind == .vprResults)
    }

    @Test func decimalCommasInSemicolonFile_doNotFoolDelimiterDetection() throws {
        var rows = Self.rows
        rows[1] += ";Доля"
        for i in 2..<rows.count { rows[i] += ";0,\(i)5" }
        let report = try read(Data(rows.joined(separator: "\n").utf8))
        #expect(report.format == .delimitedText(encoding: .utf8, delimiter: UInt8(ascii: ";")))
    }

    @Test func quotedFields_holdDelimitersDoubledQuotesAndLineBreaks() throws {
        let text = #"""
        ВПР 2025 Математика 5 класс
        ОО;Код участника;Примечание;1 (1б);2 (2б);Первичный балл;Отметка
        sch1;"101";"a;b";1;2;3;5
        sch1;102;"он сказал ""да""";0;0;0;2
        sch1;103;"две
        строки";1;1;2;4
        """#
        let report = try read(Data(text.utf8))
        guard case .vprResults(let file) = try #require(report.content) else { return }
        #expect(file.batch.works.count == 3)
        #expect(file.batch.works.participantCode[0] == "101")
        #expect(file.issues.skippedRows == 0)
    }

    @Test func fileNameMetadata_isUsedWhenThereIsNoTitle() throws {
        let text = Self.rows.dropFirst().joined(separator: "\n")
        let report = try read(Data(text.utf8), name: "ВПР_2025_Русский язык_4_Ленинский.csv")
        guard case .vprResults(let file) = try #require(report.content) else { return }
        #expect(file.key == SittingKey(year: 2025, subject: "Русский язык", grade: 4))
        let translit = try read(Data(text.utf8), name: "vpr-2024-russkiy-yazyk-8.csv")
        guard case .vprResults(let translitFile) = try #require(translit.content) else { return }
        #expect(translitFile.key == SittingKey(year: 2024, subject: "Русский язык", grade: 8))
    }
}
