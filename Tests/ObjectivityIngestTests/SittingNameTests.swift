import Foundation
import ObjectivityCore
import ObjectivityIngest
import ObjectivityTesting
import Testing

/// Title rows and file names, through the public reader (the metadata is the only variable).
@Suite struct SittingNameTests {
    private static let body = [
        "ОО;Код участника;1 (1б);Первичный балл;Отметка",
        "sch1;101;1;1;3",
    ]

    private func key(title: String?, file: String) throws -> SittingKey? {
        let rows = (title.map { [$0] } ?? []) + Self.body
        let report = InputFileReader(models: try Fixtures.models()).read(data: Data(rows.joined(separator: "\n").utf8), name: file)
        if case .vprResults(let f) = report.content { return f.key }
        return nil
    }

    @Test func titleVariants_areParsed() throws {
        #expect(try key(title: "ВПР 2025 Математика 5 класс", file: "x.csv") == SittingKey(year: 2025, subject: "Математика", grade: 5))
        #expect(try key(title: "ВПР 2024. Русский язык. 4 кл.", file: "x.csv") == SittingKey(year: 2024, subject: "Русский язык", grade: 4))
        #expect(try key(title: "Всероссийские проверочные работы 2023 г. Окружающий мир, 4 класс", file: "x.csv")
                == SittingKey(year: 2023, subject: "Окружающий мир", grade: 4))
    }

    @Test func fileNames_areParsed() throws {
        #expect(try key(title: nil, file: "ВПР_2025_Математика_5.xlsx") == SittingKey(year: 2025, subject: "Математика", grade: 5))
        #expect(try key(title: nil, file: "vpr-2025-matematika-5.csv") == SittingKey(year: 2025, subject: "Математика", grade: 5))
        #expect(try key(title: nil, file: "ВПР_2025_История_8_Заречный_sch1.csv") == SittingKey(year: 2025, subject: "История", grade: 8))
    }

    @Test func titleWins_overFileName() throws {
        #expect(try key(title: "ВПР 2024 Математика 4 класс", file: "ВПР_2025_Математика_5.csv") == SittingKey(year: 2024, subject: "Математика", grade: 4))
    }
}
