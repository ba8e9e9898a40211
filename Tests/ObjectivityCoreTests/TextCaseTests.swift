import ObjectivityCore
import Testing

/// The byte-wise lower-casing gives exactly what `String.lowercased()` gives, for every
/// character it maps itself and for every one it hands back.
@Suite struct TextCaseTests {
    @Test func everyScalarOfTheFirstBlocks_asStringLowercasedHasIt() {
        var differing: [UInt32] = []
        for value in UInt32(0)...0x2FFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = "Ab" + String(Character(scalar)) + "Ё я"
            if TextCase.lowercased(text) != text.lowercased() { differing.append(value) }
        }
        #expect(differing.isEmpty)
    }

    @Test func labelsTitlesAndFileNames_asStringLowercasedHasThem() {
        let texts = ["ВПР 2025 Математика 5 класс", "МБОУ СОШ № 58 (sch221027) | Кол-во участников: 20", "ЁЛКА ЀЍЎЏ Ѐ",
                     "vpr-2025-MATEMATIKA-5", "«Русский язык» — 4 кл.", "Ä Ö Ü İ ß", "e\u{301}É", "ΑΒΓ", "", "\u{A0}x\u{A0}",
                     "Отметка по журналу\r\n", "ǅ Ǆ ǆ", "ⅠⅡ Ⓐ", "‰ № ‐ ― … ′"]
        for text in texts { #expect(TextCase.lowercased(text) == text.lowercased(), "\(text)") }
    }

    @Test func randomMixtures_asStringLowercasedHasThem() {
        var rng = SplitMix64(seed: 5)
        let alphabet = Array("AZaz09 _-.,:;()«»№—ЁёЀЏАЯаяЖжÀÿİıΣσ\u{301}\u{A0}\t\r\n🙂")
        for _ in 0..<20_000 {
            let length = Int(rng.nextUnit() * 12)
            let text = String((0..<length).map { _ in alphabet[Int(rng.nextUnit() * Double(alphabet.count))] })
            #expect(TextCase.lowercased(text) == text.lowercased(), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }
}
