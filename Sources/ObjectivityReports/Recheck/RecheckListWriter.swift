public import Foundation

/// Writes a recheck list as the commission opens it: XLSX (a sheet of instructions, then
/// the list with a bold header) and CSV (UTF-8 with BOM, «;»), both atomically.
public enum RecheckListWriter {
    /// Instructions for the commission, the first sheet of every workbook.
    public static let instructions = [
        "Список работ для перепроверки независимой предметной комиссией.",
        "В список входят работы, на которых основаны признаки необъективности результатов (столбец «Основание»), и случайная контрольная выборка других работ тех же ОО.",
        "Признаки — это риск, требующий проверки, а не доказательство; оценивать следует работу, а не учителя.",
        "Перепроверьте работы и впишите первичный балл после перепроверки в последний столбец; не меняйте остальные столбцы.",
        "Заполненный файл загрузите в папку inbox: сервис сопоставит его со списком.",
        "В списке только коды участников; фамилии и имена в нём не указываются.",
    ]

    /// The file name without extension: year, subject, grade and municipality.
    public static func baseName(_ list: RecheckList) -> String {
        let municipality = list.municipality.isEmpty ? "регион" : list.municipality
        return "Перепроверка_\(list.year)_\(list.subject)_\(list.grade)_\(municipality)"
            .replacingOccurrences(of: "/", with: "-").replacingOccurrences(of: " ", with: "_")
    }

    /// CSV bytes (``SemicolonCSV``).
    public static func csv(_ list: RecheckList) -> [UInt8] { SemicolonCSV.bytes(header: list.header, rows: list.cells) }

    /// Writes `BASE.csv` and `BASE.xlsx` into `directory`.
    public static func write(_ list: RecheckList, into directory: URL, created: Int? = nil) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let base = baseName(list)
        try AtomicFileWriter.write(csv(list), to: directory.appendingPathComponent(base + ".csv"))
        let sheets = [
            SpreadsheetSheet(name: "Инструкция", header: ["Как работать со списком"], rows: instructions.map { [.text($0)] },
                             columnWidths: [120]),
            SpreadsheetSheet(name: "Перепроверка", header: list.header,
                             rows: list.cells.map { $0.map { SpreadsheetCell.text($0) } },
                             columnWidths: [6, 14, 7, 12, 14] + list.taskLabels.map { _ in 5 } + [9, 8, 40, 16]),
        ]
        try XLSXWriter.writeAtomically(sheets, to: directory.appendingPathComponent(base + ".xlsx"), created: created)
    }
}
