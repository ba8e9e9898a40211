@testable import ObjectivityIngest
import Testing

/// The school login and name in a preamble cell, as Ф1 exports write them.
@Suite struct OrganisationRowTests {
    @Test(arguments: [
        ("МБОУ СОШ № 3 (edu220150)", "edu220150", "МБОУ СОШ № 3"),
        ("МБОУ СОШ № 24 (edu241072) | Кол-во участников: 7", "edu241072", "МБОУ СОШ № 24"),
        ("Гимназия | SCH220150 |", "sch220150", "Гимназия"),
        ("sch2201", "sch2201", nil),
        ("school sch1234", "sch1234", "school"),
        // `sch` inside a Latin word is none; then any `sch` login wins over an `edu` one.
        ("kitsch12345 edu7777 sch5555", "sch5555", "kitsch12345 edu7777"),
    ] as [(String, String, String?)])
    func login_andTheNameBeforeIt(cell: String, login: String, name: String?) throws {
        let found = try #require(VPRPreamble.organisation(in: cell))
        #expect(found.login == login)
        #expect(found.name == name)
    }

    @Test(arguments: ["edu123", "kitsch12345", "Максимальный первичный балл", "", "sch"])
    func noLogin(cell: String) {
        #expect(VPRPreamble.organisation(in: cell) == nil)
    }
}
