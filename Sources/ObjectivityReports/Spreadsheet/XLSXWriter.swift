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
    /// - Parameter created: the creation time stored in the document properties, in
    ///   seconds since 1970; fixed by callers that need the same bytes on every run.
    public static func write(_ sheets: [SpreadsheetSheet], to path: String, created: Int? = nil) throws(Failure) {
        guard let workbook = workbook_new(path) else {
            throw Failure(path: path, reason: "cannot create the workbook")
        }
        if let created {
            var properties = lxw_doc_properties()
            properties.created = time_t(created)
            workbook_set_properties(workbook, &properties)
        }
        let bold = workbook_add_format(workbook)
        format_set_bold(bold)
        format_set_text_wrap(bold)
        for sheet in sheets {
            guard let worksheet = workbook_add_worksheet(workbook, String(sheet.name.prefix(31))) else {
                workbook_close(workbook)
                throw Failure(path: path, reason: "cannot add sheet \(sheet.name)")
            }
            let headerRow = lxw_row_t(sheet.preamble.count)
            for (offset, cells) in sheet.preamble.enumerated() {
                write(cells, row: lxw_row_t(offset), to: worksheet)
            }
            for (column, title) in sheet.header.enumerated() {
                worksheet_write_string(worksheet, headerRow, lxw_col_t(column), title, bold)
            }
            for (offset, cells) in sheet.rows.enumerated() {
                write(cells, row: headerRow + 1 + lxw_row_t(offset), to: worksheet)
            }
            for (column, width) in sheet.columnWidths.enumerated() {
                worksheet_set_column(worksheet, lxw_col_t(column), lxw_col_t(column), width, nil)
            }
            if !sheet.header.isEmpty {
                worksheet_freeze_panes(worksheet, headerRow + 1, 0)
                worksheet_autofilter(worksheet, headerRow, 0, headerRow + lxw_row_t(sheet.rows.count), lxw_col_t(sheet.header.count - 1))
            }
        }
        let status = workbook_close(workbook)
        guard status == LXW_NO_ERROR else {
            throw Failure(path: path, reason: String(cString: lxw_strerror(status)))
        }
    }

    private static func write(_ cells: [SpreadsheetCell], row: lxw_row_t, to worksheet: UnsafeMutablePointer<lxw_worksheet>) {
        for (column, cell) in cells.enumerated() {
            switch cell {
            case .text(let text): worksheet_write_string(worksheet, row, lxw_col_t(column), text, nil)
            case .number(let value): worksheet_write_number(worksheet, row, lxw_col_t(column), value, nil)
            case .empty: break
            }
        }
    }
}
