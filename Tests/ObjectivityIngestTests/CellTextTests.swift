@testable import ObjectivityIngest
import ObjectivityCore
import Testing

/// Header folding: the scalar fast path gives what the general Character path gives, on
/// real header spellings and on random text mixing ASCII, Cyrillic of both cases, «ё»,
/// every kind of space, combining marks and other scripts.
@Suite struct CellTextTests {
    @Test func headerSpellings_foldAsExpected() {
        #expect(CellText.folded("  Код\u{A0}участника: ") == "код участника")
        #expect(CellText.folded("ОТМЕТКА\tпо журналу.") == "отметка по журналу")
        #expect(CellText.folded("Отчёт ЁЛКИ") == "отчет елки")
        #expect(CellText.folded("Логин ОО") == "логин оо")
        #expect(CellText.folded("Ђорђе Ѐ") == "ђорђе ѐ")
        #expect(CellText.folded("е\u{308}ж") == CellText.generalFolded("е\u{308}ж"))  // decomposed ё: general path
        #expect(Array(CellText.folded("Раи\u{306}он").utf8) == Array("район".utf8))  // decomposed й, composed
    }

    @Test func fastPath_agreesWithTheGeneralPath_onRandomText() {
        let alphabet: [String] = ["a", "Z", "1", ":", ".", ",", "(", " ", "\t", "\r\n", "\u{A0}", "\u{85}", "\u{2003}",
                                  "А", "я", "Ё", "ё", "Ѐ", "Џ", "Ѣ", "ѣ", "\u{308}", "\u{301}", "é", "É", "ß", "Ω", "中", "\u{1C}",
                                  "«", "»", "№", "—", "–", "µ", "\u{AD}", "\u{2028}", "\u{2009}", "…"]
        var rng = SplitMix64(seed: 11, stream: 0)
        for _ in 0..<20_000 {
            let length = Int(rng.nextUnit() * 12)
            let text = (0..<length).map { _ in alphabet[Int(rng.nextUnit() * Double(alphabet.count))] }.joined()
            #expect(CellText.folded(text) == CellText.generalFolded(text), "\(Array(text.unicodeScalars))")
        }
    }
}
