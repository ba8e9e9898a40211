public import ObjectivityCore

/// One `units.jsonl` / `alerts.jsonl` line written byte by byte from a unit's results,
/// keys sorted, with the same fields and values as `JSONEncoder` gives the unit's
/// ``UnitRecord`` — about ten times faster than the encoder, and without building the
/// record: at national size (840,000 units, some twenty indicators each, 2.4 GB of lines)
/// the records' dictionaries cost as much as the formatting.
///
/// Each part (the unit's fields, each indicator) is bounded before it is written — every
/// string byte at most six bytes escaped, every number at most ``numberBound`` — and
/// written through a ``ByteCursor`` into room a ``ByteBuffer`` made for the bound:
/// appending to an array checked its capacity and uniqueness on every byte.
///
/// Numbers: integral values below 2⁵³ as integers, others in Swift's shortest round-trip
/// form (`0.5756`, `1e-05`); strings escaped as JSON requires (quote, backslash, control
/// characters), other characters as UTF-8. Non-finite numbers never reach a record.
public enum UnitLineWriter {
    /// The unit's line, ending in a newline; `explanation` (alerts) and `alertID` add
    /// `"explanation"` and `"alert_id"`.
    public static func line(_ unit: UnitResult, explanation: String? = nil, alertID: String? = nil) -> [UInt8] {
        let out = ByteBuffer(capacity: 1024 + 512 * unit.indicators.count)
        append(unit, explanation: explanation, alertID: alertID, to: out)
        return out.bytes
    }

    /// ``line(_:explanation:alertID:)`` appended to `out`: a block of lines is made in one
    /// buffer, without an array per line copied into it.
    public static func append(_ unit: UnitResult, explanation: String? = nil, alertID: String? = nil, to buffer: ByteBuffer) {
        let texts = [alertID, unit.sitting.assessment, explanation, unit.school, unit.sitting.subject].reduce(0) { $0 + stringBound($1) }
        // The fields before the indicators, then each indicator, then the fields after.
        buffer.write(atMost: 512 + texts + numberBound * unit.earlierFlaggedYears.count) { out in
            out.byte(UInt8(ascii: "{"))
            if let alertID { key("alert_id", first: true, &out); string(alertID, to: &out) }
            var first = alertID == nil
            if !unit.earlierFlaggedYears.isEmpty {
                key("earlier_flagged_years", first: first, &out)
                first = false
                out.byte(UInt8(ascii: "["))
                for (i, year) in unit.earlierFlaggedYears.enumerated() {
                    if i > 0 { out.byte(UInt8(ascii: ",")) }
                    integer(Int64(year), to: &out)
                }
                out.byte(UInt8(ascii: "]"))
            }
            key("exam", first: first, &out); string(unit.sitting.assessment, to: &out)
            if let explanation { key("explanation", first: false, &out); string(explanation, to: &out) }
            key("grade", first: false, &out); integer(Int64(unit.sitting.grade), to: &out)
            key("indicators", first: false, &out)
            out.byte(UInt8(ascii: "["))
        }
        var detail: [DetailEntry] = []
        // By pointer: an element of the array (or of its buffer) handed to a function is
        // copied — every string and array of the result retained, then released.
        unit.indicators.withUnsafeBufferPointer { indicators in
            // Every indicator's figures lie in a block of their own, written long ago and
            // long out of cache: their counts read first, in one loop of independent
            // loads, wait for memory together instead of one indicator after another.
            var figures = 0
            for i in indicators.indices { figures = max(figures, indicators[i].detail.count) }
            // Room for the most figures and the five entries every result may add
            // (direction, null_scale, trials, groups, caveats): the scratch never grows.
            detail.reserveCapacity(figures + 5)
            for i in indicators.indices {
                let result = indicators.baseAddress! + i
                DetailEntry.entries(of: result, into: &detail)
                sortByKey(&detail)
                let bound = 320 + stringBound(result.pointee.code) + detail.reduce(0) { $0 + entryBound($1) }
                buffer.write(atMost: bound) { out in
                    if i > 0 { out.byte(UInt8(ascii: ",")) }
                    write(result, detail: detail, to: &out)
                }
            }
        }
        buffer.write(atMost: 512 + texts) { out in
            out.byte(UInt8(ascii: "]"))
            key("n", first: false, &out); integer(Int64(unit.works), to: &out)
            if let weight = UnitRecord.priorWeight(unit) { key("prior_weight", first: false, &out); number(weight, to: &out) }
            key("risk_level", first: false, &out); string(unit.riskLevel.rawValue, to: &out)
            key("risk_score", first: false, &out); number(UnitRecord.riskScore(unit), to: &out)
            key("school", first: false, &out); string(unit.school, to: &out)
            key("subject", first: false, &out); string(unit.sitting.subject, to: &out)
            key("year", first: false, &out); integer(Int64(unit.sitting.year), to: &out)
            out.byte(UInt8(ascii: "}"))
            out.byte(0x0A)
        }
    }

    /// Most bytes a number takes: Swift's shortest form of a double is at most 24
    /// (`-2.2250738585072014e-308`), an Int64 at most 20.
    static let numberBound = 32

    /// Most bytes a string takes written with its quotes: each byte escaped as `\u00XX`.
    private static func stringBound(_ text: String?) -> Int { 2 + 6 * (text?.utf8.count ?? 0) }

    /// Most bytes a `detail` entry takes, with its comma and quotes.
    private static func entryBound(_ entry: DetailEntry) -> Int {
        let value = switch entry.value {
        case .text(let text): stringBound(text)
        case .figure, .integer: numberBound
        case .groups(let groups): groups.reduce(0) { $0 + 2 + $1.reduce(0) { $0 + 1 + stringBound($1) } }
        case .caveats(let caveats): caveats.reduce(0) { $0 + 2 + stringBound($1) }
        }
        return 4 + stringBound(entry.key) + value
    }

    /// Insertion sort by key: a handful of entries.
    private static func sortByKey(_ detail: inout [DetailEntry]) {
        for i in detail.indices.dropFirst() {
            var j = i
            while j > 0, detail[j].key < detail[j - 1].key {
                detail.swapAt(j, j - 1)
                j -= 1
            }
        }
    }

    /// One indicator as ``IndicatorRecord`` has it, its `detail` entries sorted.
    private static func write(_ result: UnsafePointer<IndicatorResult>, detail: [DetailEntry], to out: inout ByteCursor) {
        out.byte(UInt8(ascii: "{"))
        key("code", first: true, &out); string(result.pointee.code, to: &out)
        key("detail", first: false, &out)
        out.byte(UInt8(ascii: "{"))
        for (i, entry) in detail.enumerated() {
            if i > 0 { out.byte(UInt8(ascii: ",")) }
            string(entry.key, to: &out)
            out.byte(UInt8(ascii: ":"))
            out.byte(UInt8(ascii: "\""))
            switch entry.value {
            case .text(let text):
                escapedContents(text, to: &out)
            case .figure(let value):
                if value == value.rounded() { integer(Int64(Int(value)), to: &out) } else { value.write(to: &out) }
            case .integer(let value):
                integer(value, to: &out)
            case .groups(let groups):
                for (g, group) in groups.enumerated() {
                    if g > 0 { out.byte(UInt8(ascii: ";")); out.byte(UInt8(ascii: " ")) }
                    for (c, code) in group.enumerated() {
                        if c > 0 { out.byte(UInt8(ascii: ",")) }
                        escapedContents(code, to: &out)
                    }
                }
            case .caveats(let caveats):
                for (c, caveat) in caveats.enumerated() {
                    if c > 0 { out.byte(UInt8(ascii: ";")); out.byte(UInt8(ascii: " ")) }
                    escapedContents(caveat, to: &out)
                }
            }
            out.byte(UInt8(ascii: "\""))
        }
        out.byte(UInt8(ascii: "}"))
        key("effect", first: false, &out); number(IndicatorRecord.effect(estimate: result.pointee.test.estimate), to: &out)
        key("fired", first: false, &out); out.literal(result.pointee.fired ? "true" : "false")
        key("p_value", first: false, &out); number(IndicatorRecord.round(result.pointee.test.pValue), to: &out)
        key("q_value", first: false, &out); number(IndicatorRecord.round(result.pointee.qValue), to: &out)
        key("statistic", first: false, &out); number(result.pointee.test.statistic, to: &out)
        out.byte(UInt8(ascii: "}"))
    }

    /// `"name":`, after a comma unless it is the object's first key. The record's own keys
    /// are literals that need no escaping: their bytes are copied as they are.
    private static func key(_ name: StaticString, first: Bool, _ out: inout ByteCursor) {
        if !first { out.byte(UInt8(ascii: ",")) }
        out.byte(UInt8(ascii: "\""))
        out.literal(name)
        out.byte(UInt8(ascii: "\""))
        out.byte(UInt8(ascii: ":"))
    }

    /// At most ``numberBound`` bytes.
    static func number(_ x: Double, to out: inout ByteCursor) {
        if x == x.rounded(), abs(x) < 9_007_199_254_740_992 {
            integer(Int64(x), to: &out)
        } else {
            x.write(to: &out)
        }
    }

    /// Decimal digits of `value`, made backwards in a register-sized buffer: no string.
    static func integer(_ value: Int64, to out: inout ByteCursor) {
        if value < 0 { out.byte(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // up to 20 digits, last digit first
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
            for i in stride(from: count - 1, through: 0, by: -1) { out.byte(buffer[i]) }
        }
    }

    private static func string(_ s: String, to out: inout ByteCursor) {
        out.byte(UInt8(ascii: "\""))
        escapedContents(s, to: &out)
        out.byte(UInt8(ascii: "\""))
    }

    /// The bytes of `s` inside a JSON string, escaped where JSON requires.
    private static func escapedContents(_ s: String, to out: inout ByteCursor) {
        var text = s
        text.withUTF8 { bytes in
            // Most strings need no escape: copy them whole.
            guard bytes.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else {
                out.bytes(bytes)
                return
            }
            for byte in bytes { escaped(byte, to: &out) }
        }
    }

    /// One byte, escaped if JSON requires: at most six bytes.
    private static func escaped(_ byte: UInt8, to out: inout ByteCursor) {
        let escape: UInt8
        switch byte {
        case UInt8(ascii: "\""): escape = UInt8(ascii: "\"")
        case UInt8(ascii: "\\"): escape = UInt8(ascii: "\\")
        case 0x0A: escape = UInt8(ascii: "n")
        case 0x0D: escape = UInt8(ascii: "r")
        case 0x09: escape = UInt8(ascii: "t")
        case 0..<0x20:
            func hexDigit(_ nibble: UInt8) -> UInt8 { nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10 }
            out.literal("\\u00")
            out.byte(hexDigit(byte >> 4))
            out.byte(hexDigit(byte & 0xF))
            return
        default:
            out.byte(byte)
            return
        }
        out.byte(UInt8(ascii: "\\"))
        out.byte(escape)
    }
}
