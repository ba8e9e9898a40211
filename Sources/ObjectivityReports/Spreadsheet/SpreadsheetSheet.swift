/// One sheet of a workbook for people: a header row, rows and column widths.
///
/// The header row is frozen and carries an autofilter, so a commission member can
/// sort and filter as soon as the file opens.
public struct SpreadsheetSheet: Sendable, Equatable {
    /// Sheet name as Excel shows it on the tab (at most 31 characters).
    public var name: String
    /// Rows above the header (a title, labelled values), written as they are.
    public var preamble: [[SpreadsheetCell]]
    public var header: [String]
    public var rows: [[SpreadsheetCell]]
    /// Column widths in Excel's character units; missing entries use Excel's default.
    public var columnWidths: [Double]

    public init(name: String, preamble: [[SpreadsheetCell]] = [], header: [String], rows: [[SpreadsheetCell]],
                columnWidths: [Double] = []) {
        self.name = name
        self.preamble = preamble
        self.header = header
        self.rows = rows
        self.columnWidths = columnWidths
    }
}
