/// How a table file was written, as detected from its bytes.
public enum TableFormat: Sendable, Equatable, CustomStringConvertible {
    /// Delimited text with its encoding and delimiter.
    case delimitedText(encoding: TextEncoding, delimiter: UInt8)
    /// An Excel workbook (first sheet read).
    case xlsx

    public var description: String {
        switch self {
        case .xlsx:
            return "XLSX"
        case .delimitedText(let encoding, let delimiter):
            let name = switch delimiter {
            case UInt8(ascii: ";"): "«;»"
            case UInt8(ascii: ","): "«,»"
            case UInt8(ascii: "\t"): "табуляция"
            default: "«\(Character(Unicode.Scalar(delimiter)))»"
            }
            return "CSV, \(encoding.rawValue), разделитель \(name)"
        }
    }
}
