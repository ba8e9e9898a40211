/// Streams the rows of a worksheet (`xl/worksheets/sheetN.xml`) as they are inflated.
///
/// Chunks of XML are fed as the archive decompresses them; every complete `<row>`
/// element is turned into a ``RawRow`` at once and the bytes before it are dropped,
/// so memory is bounded by one row, not by the sheet. Cells land at the column their
/// `r` reference names, with empty cells in the gaps.
struct SheetRowParser {
    private let strings: SharedStrings
    private var pending: [UInt8] = []
    private var row = RawRow()
    /// The current row's cell contents; `row.base` points here while a row is emitted.
    private var rowBytes: [UInt8] = []
    private var nextRowNumber = 1
    private var stopped = false

    private static let rowOpen = Array("<row".utf8)
    private static let rowClose = Array("</row>".utf8)
    private static let cellOpen = Array("<c".utf8)
    private static let cellClose = Array("</c>".utf8)
    private static let valueOpen = Array("<v>".utf8)
    private static let valueClose = Array("</v>".utf8)
    private static let textOpen = Array("<t".utf8)
    private static let textClose = Array("</t>".utf8)
    private static let refAttribute = Array("r".utf8)
    private static let typeAttribute = Array("t".utf8)

    init(strings: SharedStrings) { self.strings = strings }

    /// Feeds the next chunk of sheet XML; complete rows go to `emit`, which returns
    /// `false` to stop reading.
    mutating func feed(_ chunk: some Sequence<UInt8>, emit: (RawRow) throws -> Bool) throws {
        guard !stopped else { return }
        pending.append(contentsOf: chunk)
        guard let last = XMLText.lastRange(of: Self.rowClose, in: pending) else { return }
        try process(pending[..<last.upperBound], emit: emit)
        pending.removeSubrange(..<last.upperBound)
    }

    /// Processes whatever remains after the last chunk.
    mutating func finish(emit: (RawRow) throws -> Bool) throws {
        guard !stopped else { return }
        try process(pending[...], emit: emit)
        pending.removeAll()
    }

    private mutating func process(_ block: ArraySlice<UInt8>, emit: (RawRow) throws -> Bool) throws {
        var rest = block
        while !stopped, let open = Self.findTag(Self.rowOpen, in: rest),
              let gt = rest[open.upperBound...].firstIndex(of: UInt8(ascii: ">")) {
            let startTag = rest[open.upperBound..<gt]
            let number = XMLText.attribute(Self.refAttribute, in: startTag).flatMap { Int(String(decoding: $0, as: UTF8.self)) }
            row.reset(number: number ?? nextRowNumber)
            rowBytes.removeAll(keepingCapacity: true)
            nextRowNumber = row.number + 1
            if rest[gt - 1] == UInt8(ascii: "/") {
                rest = rest[(gt + 1)...]
            } else {
                let bodyEnd = XMLText.firstRange(of: Self.rowClose, in: rest[(gt + 1)...])
                let body = rest[(gt + 1)..<(bodyEnd?.lowerBound ?? rest.endIndex)]
                parseCells(body)
                rest = rest[(bodyEnd?.upperBound ?? rest.endIndex)...]
            }
            let go = try rowBytes.withUnsafeBufferPointer { bytes in
                row.base = bytes
                return try emit(row)
            }
            if !go { stopped = true }
        }
    }

    private mutating func parseCells(_ body: ArraySlice<UInt8>) {
        var rest = body
        var valueBytes: [UInt8] = []
        while let open = Self.findTag(Self.cellOpen, in: rest),
              let gt = rest[open.upperBound...].firstIndex(of: UInt8(ascii: ">")) {
            let startTag = rest[open.upperBound..<gt]
            let column = XMLText.attribute(Self.refAttribute, in: startTag).flatMap(Self.columnIndex) ?? row.cellCount
            while column > row.cellCount { row.appendCell(start: rowBytes.count, end: rowBytes.count) }
            if rest[gt - 1] == UInt8(ascii: "/") {
                rest = rest[(gt + 1)...]
                continue
            }
            let end = XMLText.firstRange(of: Self.cellClose, in: rest[(gt + 1)...])
            let content = rest[(gt + 1)..<(end?.lowerBound ?? rest.endIndex)]
            rest = rest[(end?.upperBound ?? rest.endIndex)...]
            guard column >= row.cellCount else { continue }  // a repeated reference: keep the first
            let type = XMLText.attribute(Self.typeAttribute, in: startTag).map { String(decoding: $0, as: UTF8.self) } ?? "n"
            valueBytes.removeAll(keepingCapacity: true)
            if type == "inlineStr" {
                var inner = content
                while let t = Self.findTag(Self.textOpen, in: inner),
                      let tgt = inner[t.upperBound...].firstIndex(of: UInt8(ascii: ">")) {
                    guard inner[tgt - 1] != UInt8(ascii: "/"),
                          let tend = XMLText.firstRange(of: Self.textClose, in: inner[(tgt + 1)...]) else {
                        inner = inner[(tgt + 1)...]
                        continue
                    }
                    XMLText.unescape(inner[(tgt + 1)..<tend.lowerBound], into: &valueBytes)
                    inner = inner[tend.upperBound...]
                }
            } else if let v = XMLText.firstRange(of: Self.valueOpen, in: content),
                      let vend = XMLText.firstRange(of: Self.valueClose, in: content[v.upperBound...]) {
                let raw = content[v.upperBound..<vend.lowerBound]
                switch type {
                case "s":
                    let index = Int(String(decoding: raw, as: UTF8.self)) ?? -1
                    valueBytes.append(contentsOf: strings[index] ?? [])
                case "b":
                    valueBytes.append(contentsOf: (raw.first == UInt8(ascii: "1") ? "TRUE" : "FALSE").utf8)
                case "n":
                    valueBytes.append(contentsOf: Self.normalisedNumber(raw))
                default:  // "str", "e", "d"
                    XMLText.unescape(raw, into: &valueBytes)
                }
            }
            let start = rowBytes.count
            rowBytes.append(contentsOf: valueBytes)
            row.appendCell(start: start, end: rowBytes.count)
        }
    }

    /// `<name` followed by a space, `>` or `/` (so `<c` does not match `<col`).
    private static func findTag(_ name: [UInt8], in bytes: ArraySlice<UInt8>) -> Range<Int>? {
        var rest = bytes
        while let hit = XMLText.firstRange(of: name, in: rest) {
            if hit.upperBound < rest.endIndex {
                let next = rest[hit.upperBound]
                if next == 0x20 || next == UInt8(ascii: ">") || next == UInt8(ascii: "/") || next == 0x0A || next == 0x0D || next == 0x09 {
                    return hit
                }
            }
            rest = rest[hit.upperBound...]
        }
        return nil
    }

    /// Zero-based column of a cell reference such as `AB12`.
    static func columnIndex(_ reference: ArraySlice<UInt8>) -> Int? {
        var column = 0
        var letters = 0
        for b in reference {
            let upper = b & ~0x20
            guard upper >= UInt8(ascii: "A") && upper <= UInt8(ascii: "Z") else { break }
            column = column * 26 + Int(upper - UInt8(ascii: "A") + 1)
            letters += 1
            if letters > 3 { return nil }
        }
        return letters == 0 ? nil : column - 1
    }

    /// A numeric cell as text: integers as written, integral doubles (`5.0`,
    /// `4.9999999999999991`) as integers, other values in shortest form.
    static func normalisedNumber(_ raw: ArraySlice<UInt8>) -> [UInt8] {
        if raw.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") || $0 == UInt8(ascii: "-") }) {
            return Array(raw)
        }
        guard let value = Double(String(decoding: raw, as: UTF8.self)) else { return Array(raw) }
        let rounded = value.rounded()
        if abs(value - rounded) < 1e-9, abs(rounded) < 1e15 { return Array(String(Int(rounded)).utf8) }
        return Array(String(value).utf8)
    }
}
