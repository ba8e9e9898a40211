@testable import ObjectivityIngest
import Testing

/// The worksheet XML cases a workbook from another program may contain, fed in chunks.
@Suite struct SheetRowParserTests {
    private func rows(_ xml: String, strings: [String] = [], chunk: Int = 7) throws -> [(Int, [String])] {
        var shared = "<sst>"
        for s in strings { shared += "<si><t>\(s)</t></si>" }
        shared += "</sst>"
        var parser = SheetRowParser(strings: SharedStrings(xml: Array(shared.utf8)))
        var out: [(Int, [String])] = []
        let bytes = Array(xml.utf8)
        let emit: (RawRow) throws -> Bool = { row in
            out.append((row.number, row.strings))
            return true
        }
        var start = 0
        while start < bytes.count {
            try parser.feed(bytes[start..<min(bytes.count, start + chunk)], emit: emit)
            start += chunk
        }
        try parser.finish(emit: emit)
        return out
    }

    @Test func cellTypes_sharedInlineNumberBooleanFormulaString() throws {
        let xml = """
        <worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>Код &amp; «участника»</t></is></c>\
        <c r="C1"><v>5</v></c><c r="D1" t="b"><v>1</v></c><c r="E1" t="str"><f>A1</f><v>x&lt;y</v></c>\
        <c r="F1"><v>4.9999999999999991</v></c><c r="G1"><v>0.25</v></c></row></sheetData></worksheet>
        """
        let parsed = try rows(xml, strings: ["ОО"])
        #expect(parsed.count == 1)
        #expect(parsed[0].1 == ["ОО", "Код & «участника»", "5", "TRUE", "x<y", "5", "0.25"])
    }

    @Test func gapsInReferences_becomeEmptyCells_andRowNumbersAreKept() throws {
        let xml = """
        <worksheet><sheetData><row r="2"><c r="B2"><v>1</v></c><c r="E2" t="s"><v>1</v></c></row>\
        <row r="7" spans="1:3"/><row r="9"><c r="A9"/><c r="C9"><v>3</v></c></row></sheetData></worksheet>
        """
        let parsed = try rows(xml, strings: ["a", "Х"])
        #expect(parsed.map(\.0) == [2, 7, 9])
        #expect(parsed[0].1 == ["", "1", "", "", "Х"])
        #expect(parsed[1].1 == [])
        #expect(parsed[2].1 == ["", "", "3"])
    }

    @Test func sharedStrings_concatenateRichRunsAndSkipPhonetics() {
        let xml = "<sst><si><r><t>Пер</t></r><r><t xml:space=\"preserve\">вичный балл</t></r></si><si><t>a</t><rPh><t>x</t></rPh></si></sst>"
        let strings = SharedStrings(xml: Array(xml.utf8))
        #expect(strings[0].map { String(decoding: $0, as: UTF8.self) } == "Первичный балл")
        #expect(strings[1].map { String(decoding: $0, as: UTF8.self) } == "a")
    }

    @Test func columnLetters_readAsSpreadsheetsNumberThem() {
        #expect(SheetRowParser.columnIndex(ArraySlice("A1".utf8)) == 0)
        #expect(SheetRowParser.columnIndex(ArraySlice("Z10".utf8)) == 25)
        #expect(SheetRowParser.columnIndex(ArraySlice("AA3".utf8)) == 26)
        #expect(ColumnName.letters(27) == "AB")
    }
}
