@testable import ObjectivityIngest
import Testing

/// Which rows are asked whether they are a header: every kind's header has two labels, so
/// a row of one non-empty cell is never one, and skipping it changes no recognition.
@Suite struct TableKindTests {
    static let labels = ["Код участника", "Первичный балл", "Экзамен", "ОО", "Тип ОО", "Местность", "Контингент",
                         "Отметка после перепроверки", "Балл после перепроверки", "ВПР 2025 Математика 5 класс",
                         "МБОУ СОШ № 3 (edu220150) | Кол-во участников: 54"]

    @Test func headersOfEveryKind_mayBeHeaders() {
        let headers: [[String]] = [["Код участника", "Класс", "1 (1б)", "Первичный балл", "Отметка"],
                                   ["Год", "Экзамен", "Предмет", "ОО", "Код участника", "Первичный балл"],
                                   ["ОО", "Муниципалитет", "Тип ОО"],
                                   ["ОО", "Код участника", "Балл после перепроверки"]]
        for header in headers {
            #expect(TableKind.mayBeHeader(header))
            #expect(TableKind.recognise(foldedHeader: header.map(CellText.folded)) != nil, "\(header)")
        }
    }

    @Test func rowsOfOneNonEmptyCell_areNoKindsHeader() {
        for label in Self.labels {
            for row in [[label], ["", label], [label, "", ""], [label, label]] where row.filter({ !$0.isEmpty }).count < 2 {
                #expect(!TableKind.mayBeHeader(row))
                #expect(TableKind.recognise(foldedHeader: row.map(CellText.folded)) == nil, "\(row)")
            }
        }
        #expect(TableKind.mayBeHeader(["Код участника", "Код участника"]))  // two cells, even equal ones, are asked
    }
}
