import ObjectivityReports

/// Where an export's rows go: a delimited text file or an XLSX sheet. One writer fills
/// either, so the two formats of a simulated file never drift apart.
protocol RowSink {
    mutating func text(_ value: String)
    mutating func integer(_ value: Int)
    mutating func empty()
    mutating func endLine()
    /// The header row (bold and frozen in a workbook).
    mutating func header(_ cells: [String])
}

extension DelimitedTextBuilder: RowSink {
    mutating func header(_ cells: [String]) { line(cells) }
}

/// Collects rows for an XLSX sheet: lines before the header are its preamble.
struct SpreadsheetRowsBuilder: RowSink {
    private(set) var preamble: [[SpreadsheetCell]] = []
    private(set) var headerCells: [String]?
    private(set) var rows: [[SpreadsheetCell]] = []
    private var current: [SpreadsheetCell] = []

    mutating func text(_ value: String) { current.append(value.isEmpty ? .empty : .text(value)) }
    mutating func integer(_ value: Int) { current.append(.number(Double(value))) }
    mutating func empty() { current.append(.empty) }

    mutating func endLine() {
        if headerCells == nil { preamble.append(current) } else { rows.append(current) }
        current = []
    }

    mutating func header(_ cells: [String]) { headerCells = cells }

    func sheet(named name: String) -> SpreadsheetSheet {
        SpreadsheetSheet(name: name, preamble: preamble, header: headerCells ?? [], rows: rows)
    }
}
