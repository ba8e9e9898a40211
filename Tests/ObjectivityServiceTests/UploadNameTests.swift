import ObjectivityService
import Testing

@Suite struct UploadNameTests {
    @Test func controlCharactersAndBackslashes_becomeUnderscores() {
        #expect(UploadName.safe("ctrl\u{01}\u{1B}[31mred\nline\t.csv") == "ctrl__[31mred_line_.csv")
        #expect(UploadName.safe("x\\..\\etc\\passwd.csv") == "x_.._etc_passwd.csv")
        #expect(UploadName.safe("ВПР_2025_Математика_5.csv") == "ВПР_2025_Математика_5.csv")
    }

    @Test func longNames_areCutKeepingTheExtension_withinTheByteLimit() {
        let long = String(repeating: "д", count: 121) + ".xlsx"
        let safe = UploadName.safe(long)
        #expect(safe.utf8.count <= UploadName.maxBytes)
        #expect(safe.hasSuffix("….xlsx"))
        #expect(safe.hasPrefix(String(repeating: "д", count: 90)))
        // With the longest prefix and suffix the service adds, still a legal file name.
        #expect(("0123456789abcdef-" + safe + ".warnings.txt").utf8.count <= 255)
    }
}
