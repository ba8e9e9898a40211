/// The shared-string table of a workbook (`xl/sharedStrings.xml`).
///
/// Each `<si>` item is the concatenation of its `<t>` runs; phonetic runs (`<rPh>`)
/// are not part of the text and are skipped.
struct SharedStrings {
    private(set) var values: [[UInt8]] = []

    init() {}

    init(xml: [UInt8]) {
        let siOpen = Array("<si".utf8), siClose = Array("</si>".utf8)
        let tOpen = Array("<t".utf8), tClose = Array("</t>".utf8)
        let phOpen = Array("<rPh".utf8), phClose = Array("</rPh>".utf8)
        var i = 0
        let all = xml[...]
        while let open = XMLText.firstRange(of: siOpen, in: all[i...]) {
            guard let close = XMLText.firstRange(of: siClose, in: all[open.upperBound...]) else { break }
            var item = all[open.upperBound..<close.lowerBound]
            var text: [UInt8] = []
            while let t = XMLText.firstRange(of: tOpen, in: item) {
                // `<t>` or `<t xml:space=…>`, not `<tag…>` of another name.
                guard t.upperBound < item.endIndex else { break }
                let next = item[t.upperBound]
                if let ph = XMLText.firstRange(of: phOpen, in: item), ph.lowerBound < t.lowerBound,
                   let phEnd = XMLText.firstRange(of: phClose, in: item[ph.upperBound...]) {
                    item = item[phEnd.upperBound...]
                    continue
                }
                guard next == UInt8(ascii: ">") || next == UInt8(ascii: " "),
                      let gt = item[t.upperBound...].firstIndex(of: UInt8(ascii: ">")) else {
                    item = item[t.upperBound...]
                    continue
                }
                if item[gt - 1] == UInt8(ascii: "/") {  // <t/>
                    item = item[(gt + 1)...]
                    continue
                }
                guard let end = XMLText.firstRange(of: tClose, in: item[(gt + 1)...]) else { break }
                XMLText.unescape(item[(gt + 1)..<end.lowerBound], into: &text)
                item = item[end.upperBound...]
            }
            values.append(text)
            i = close.upperBound
        }
    }

    subscript(index: Int) -> [UInt8]? { values.indices.contains(index) ? values[index] : nil }
}
