import ObjectivityCore
import ObjectivityIngest

/// Builds a delimited text file as bytes: integers formatted without `String`, text quoted
/// only when it must be, and the whole file encoded once at the end.
struct DelimitedTextBuilder {
    private(set) var utf8: [UInt8] = []
    let delimiter: UInt8
    let newline: [UInt8]
    private var atLineStart = true

    init(delimiter: UInt8, crlf: Bool, reservingBytes: Int = 0) {
        self.delimiter = delimiter
        self.newline = crlf ? [0x0D, 0x0A] : [0x0A]
        utf8.reserveCapacity(reservingBytes)
    }

    @inline(__always)
    private mutating func separate() {
        if !atLineStart { utf8.append(delimiter) }
        atLineStart = false
    }

    mutating func text(_ value: String) {
        separate()
        let bytes = value.utf8
        if bytes.contains(where: { $0 == delimiter || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) {
            utf8.append(0x22)
            for b in bytes {
                if b == 0x22 { utf8.append(0x22) }
                utf8.append(b)
            }
            utf8.append(0x22)
        } else {
            utf8.append(contentsOf: bytes)
        }
    }

    mutating func integer(_ value: Int) {
        separate()
        if value < 0 { utf8.append(UInt8(ascii: "-")) }
        let v = value.magnitude
        var divisor: UInt = 1
        while divisor <= v / 10 { divisor *= 10 }
        while divisor > 0 {
            utf8.append(UInt8(truncatingIfNeeded: v / divisor % 10) + 0x30)
            divisor /= 10
        }
    }

    mutating func empty() { separate() }

    mutating func endLine() {
        utf8.append(contentsOf: newline)
        atLineStart = true
    }

    mutating func line(_ cells: [String]) {
        for cell in cells { text(cell) }
        endLine()
    }

    /// The file's bytes in `encoding`.
    func encoded(_ encoding: TableStyle.Encoding) -> [UInt8] {
        switch encoding {
        case .utf8: return utf8
        case .utf8WithBOM: return [0xEF, 0xBB, 0xBF] + utf8
        case .windows1251: return Windows1251.encode(utf8)
        }
    }
}
