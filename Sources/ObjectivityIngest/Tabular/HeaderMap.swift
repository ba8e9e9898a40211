/// Column positions of a header row, looked up by folded name.
struct HeaderMap {
    let headers: [String]
    private let positions: [String: Int]

    init(header: [String]) {
        headers = header
        var positions: [String: Int] = [:]
        for (i, cell) in header.enumerated() {
            let folded = CellText.folded(cell)
            if positions[folded] == nil { positions[folded] = i }
        }
        self.positions = positions
    }

    /// The first column whose folded header is one of `names`.
    func index(_ names: String...) -> Int? { names.lazy.compactMap { positions[$0] }.first }

    /// The column of `name` (or one of `aliases`), or a `missing_column` error naming it.
    func require(_ name: String, aliases: String..., file: String) throws(IngestError) -> Int {
        if let i = positions[CellText.folded(name)] ?? aliases.lazy.compactMap({ positions[$0] }).first { return i }
        throw IngestError(.missingColumn, file: file, expected: "столбец «\(name)» в строке заголовков")
    }

    func describe(_ index: Int) -> String {
        ColumnName.describe(index, header: index < headers.count ? headers[index] : "")
    }
}
