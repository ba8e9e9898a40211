/// Spreadsheet column letters (`A`, `Z`, `AA`) and the way errors name a column.
enum ColumnName {
    static func letters(_ index: Int) -> String {
        var n = index + 1
        var out = ""
        while n > 0 {
            let r = (n - 1) % 26
            out = String(Character(Unicode.Scalar(UInt8(65 + r)))) + out
            n = (n - 1) / 26
        }
        return out
    }

    /// `F «Отметка»`: the letter a spreadsheet shows and the header a person reads.
    static func describe(_ index: Int, header: String) -> String {
        "\(letters(index)) «\(header)»"
    }
}
