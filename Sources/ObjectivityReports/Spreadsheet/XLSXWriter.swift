internal import CXLSXWriter

/// Writes workbooks with libxlsxwriter: real Excel files, not CSV renamed.
public enum XLSXWriter {
    /// libxlsxwriter refused to create, fill or close the workbook.
    public struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
        public let path: String
        public let reason: String
        public var description: String { "\(path): \(reason)" }
    }

    /// Writes `sheets` to a new workbook at `path`, replacing any file there.
    public static func write(_ sheets: [SpreadsheetSheet], to path: String) throws(Failure) {
        guard let workbook = workbook_new(path) else {
            throw Failure(path: path, reason: "cannot create the workbook")
        }
        let bold = workbook_add_format(workbook)
        format_set_bold(bold)
        format_set_text_wrap(bold)
        for sheet in sheets {
            guard let worksheet = workbook_add_worksheet(workbook, String(sheet.name.prefix(31))) else {
                workbook_close(workbook)
                throw Failure(path: path, reason: "cannot add sheet \(sheet.name)")
            }
            for (column, title) in sheet.header.enumerated() {
                worksheet_write_string(worksheet, 0, lxw_col_t(column), title, bold)
            }
            for (offset, cells) in sheet.rows.enumerated() {
                let row = lxw_row_t(offset + 1)
                for (column, cell) in cells.enumerated() {
                    switch cell {
                    case .text(let text): worksheet_write_string(worksheet, row, lxw_col_t(column), text, nil)
                    case .number(let value): worksheet_write_number(worksheet, row, lxw_col_t(column), value, nil)
                    case .empty: break
                    }
                }
            }
            for (column, width) in sheet.columnWidths.enumerated() {
                worksheet_set_column(worksheet, lxw_col_t(column), lxw_col_t(column), width, nil)
            }
            if !sheet.header.isEmpty {
                worksheet_freeze_panes(worksheet, 1, 0)
                worksheet_autofilter(worksheet, 0, 0, lxw_row_t(sheet.rows.count), lxw_col_t(sheet.header.count - 1))
            }
        }
        let status = workbook_close(workbook)
        guard status == LXW_NO_ERROR else {
            throw Failure(path: path, reason: String(cString: lxw_strerror(status)))
        }
    }
}
