import ObjectivityCore

/// One entry of an indicator's `detail` object (FORMATS.md §5), its value kept as the
/// indicator holds it: ``IndicatorRecord`` spells it as text, ``UnitLineWriter`` writes the
/// same characters straight into a line — each of some four million figures and group
/// lists of a national `units.jsonl` was otherwise a string made and thrown away.
struct DetailEntry {
    enum Value {
        case text(String)
        /// A figure: an integer without a decimal point, else Swift's shortest form.
        case figure(Double)
        case integer(Int64)
        /// Participant codes, `,` within a group and `; ` between groups.
        case groups([[String]])
        /// Caveats joined by `; `.
        case caveats([String])
    }

    var key: String
    var value: Value

    /// The value as the record's text.
    var text: String {
        switch value {
        case .text(let text): text
        case .figure(let value): value == value.rounded() ? String(Int(value)) : String(value)
        case .integer(let value): String(value)
        case .groups(let groups): groups.map { $0.joined(separator: ",") }.joined(separator: "; ")
        case .caveats(let caveats): caveats.joined(separator: "; ")
        }
    }

    /// The entries of the result at `indicator` in the order they are set — direction, the
    /// indicator's figures, null scale, trials, groups, caveats — a later one replacing an
    /// earlier one of the same name; `entries` is emptied first (scratch space reused across
    /// results). By pointer: a result passed by value was copied, each of its strings and
    /// arrays retained and released.
    static func entries(of result: UnsafePointer<IndicatorResult>, into entries: inout [DetailEntry]) {
        entries.removeAll(keepingCapacity: true)
        func set(_ key: String, _ value: Value) {
            if let same = entries.firstIndex(where: { $0.key == key }) {
                entries[same].value = value
            } else {
                entries.append(DetailEntry(key: key, value: value))
            }
        }
        if let direction = result.pointee.direction { set("direction", .text(direction)) }
        for (key, value) in result.pointee.detail { set(key, .figure(value)) }
        let nullScale = result.pointee.nullScale
        if nullScale > 0 { set("null_scale", .figure((Double(nullScale) * 100).rounded() / 100)) }
        if let trials = result.pointee.test.parameter { set("trials", .integer(Int64(Int(trials)))) }
        if !result.pointee.groups.isEmpty { set("groups", .groups(result.pointee.groups)) }
        if !result.pointee.test.caveats.isEmpty { set("caveats", .caveats(result.pointee.test.caveats)) }
    }
}
