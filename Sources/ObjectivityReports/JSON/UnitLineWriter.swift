public import ObjectivityCore

/// One `units.jsonl` / `alerts.jsonl` line written byte by byte from a unit's results,
/// keys sorted, with the same fields and values as `JSONEncoder` gives the unit's
/// ``UnitRecord`` — about ten times faster than the encoder, and without building the
/// record: at national size (840,000 units, some twenty indicators each, 2.4 GB of lines)
/// the records' dictionaries cost as much as the formatting.
///
/// Numbers: integral values below 2⁵³ as integers, others in Swift's shortest round-trip
/// form (`0.5756`, `1e-05`); strings escaped as JSON requires (quote, backslash, control
/// characters), other characters as UTF-8. Non-finite numbers never reach a record.
public enum UnitLineWriter {
    /// The unit's line, ending in a newline; `explanation` (alerts) and `alertID` add
    /// `"explanation"` and `"alert_id"`.
    public static func line(_ unit: UnitResult, explanation: String? = nil, alertID: String? = nil) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(256 + 256 * unit.indicators.count)
        append(unit, explanation: explanation, alertID: alertID, to: &out)
        return out
    }

    /// ``line(_:explanation:alertID:)`` appended to `out`: a block of lines is made in one
    /// buffer, without an array per line copied into it.
    public static func append(_ unit: UnitResult, explanation: String? = nil, alertID: String? = nil, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "{"))
        var first = true
        if let alertID { key("alert_id", &first, &out); string(alertID, into: &out) }
        if !unit.earlierFlaggedYears.isEmpty {
            key("earlier_flagged_years", &first, &out)
            out.append(UInt8(ascii: "["))
            for (i, year) in unit.earlierFlaggedYears.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                integer(Int64(year), into: &out)
            }
            out.append(UInt8(ascii: "]"))
        }
        key("exam", &first, &out); string(unit.sitting.assessment, into: &out)
        if let explanation { key("explanation", &first, &out); string(explanation, into: &out) }
        key("grade", &first, &out); integer(Int64(unit.sitting.grade), into: &out)
        key("indicators", &first, &out)
        out.append(UInt8(ascii: "["))
        var detail: [DetailEntry] = []
        // By pointer: an element of the array (or of its buffer) handed to a function is
        // copied — every string and array of the result retained, then released.
        unit.indicators.withUnsafeBufferPointer { indicators in
            for i in indicators.indices {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                write(indicators.baseAddress! + i, detail: &detail, into: &out)
            }
        }
        out.append(UInt8(ascii: "]"))
        key("n", &first, &out); integer(Int64(unit.works), into: &out)
        if let weight = UnitRecord.priorWeight(unit) { key("prior_weight", &first, &out); number(weight, into: &out) }
        key("risk_level", &first, &out); string(unit.riskLevel.rawValue, into: &out)
        key("risk_score", &first, &out); number(UnitRecord.riskScore(unit), into: &out)
        key("school", &first, &out); string(unit.school, into: &out)
        key("subject", &first, &out); string(unit.sitting.subject, into: &out)
        key("year", &first, &out); integer(Int64(unit.sitting.year), into: &out)
        out.append(UInt8(ascii: "}"))
        out.append(0x0A)
    }

    /// One indicator as ``IndicatorRecord`` has it; `detail` is scratch space reused
    /// across the unit's indicators.
    private static func write(_ result: UnsafePointer<IndicatorResult>, detail: inout [DetailEntry], into out: inout [UInt8]) {
        DetailEntry.entries(of: result, into: &detail)
        // Insertion sort by key: a handful of entries.
        for i in detail.indices.dropFirst() {
            var j = i
            while j > 0, detail[j].key < detail[j - 1].key {
                detail.swapAt(j, j - 1)
                j -= 1
            }
        }
        out.append(UInt8(ascii: "{"))
        var first = true
        key("code", &first, &out); string(result.pointee.code, into: &out)
        key("detail", &first, &out)
        out.append(UInt8(ascii: "{"))
        for (i, entry) in detail.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            string(entry.key, into: &out)
            out.append(UInt8(ascii: ":"))
            out.append(UInt8(ascii: "\""))
            switch entry.value {
            case .text(let text):
                escapedContents(text, into: &out)
            case .figure(let value):
                if value == value.rounded() { integer(Int64(Int(value)), into: &out) } else { ByteTextSink.append(value, to: &out) }
            case .integer(let value):
                integer(value, into: &out)
            case .groups(let groups):
                for (g, group) in groups.enumerated() {
                    if g > 0 { out.append(UInt8(ascii: ";")); out.append(UInt8(ascii: " ")) }
                    for (c, code) in group.enumerated() {
                        if c > 0 { out.append(UInt8(ascii: ",")) }
                        escapedContents(code, into: &out)
                    }
                }
            case .caveats(let caveats):
                for (c, caveat) in caveats.enumerated() {
                    if c > 0 { out.append(UInt8(ascii: ";")); out.append(UInt8(ascii: " ")) }
                    escapedContents(caveat, into: &out)
                }
            }
            out.append(UInt8(ascii: "\""))
        }
        out.append(UInt8(ascii: "}"))
        key("effect", &first, &out); number(IndicatorRecord.effect(estimate: result.pointee.test.estimate), into: &out)
        key("fired", &first, &out); literal(result.pointee.fired ? "true" : "false", into: &out)
        key("p_value", &first, &out); number(IndicatorRecord.round(result.pointee.test.pValue), into: &out)
        key("q_value", &first, &out); number(IndicatorRecord.round(result.pointee.qValue), into: &out)
        key("statistic", &first, &out); number(result.pointee.test.statistic, into: &out)
        out.append(UInt8(ascii: "}"))
    }

    /// `"name":`, after a comma unless it is the object's first key. The record's own keys
    /// are literals that need no escaping: their bytes are copied as they are.
    private static func key(_ name: StaticString, _ first: inout Bool, _ out: inout [UInt8]) {
        if !first { out.append(UInt8(ascii: ",")) }
        first = false
        out.append(UInt8(ascii: "\""))
        literal(name, into: &out)
        out.append(UInt8(ascii: "\""))
        out.append(UInt8(ascii: ":"))
    }

    static func number(_ x: Double, into out: inout [UInt8]) {
        if x == x.rounded(), abs(x) < 9_007_199_254_740_992 {
            integer(Int64(x), into: &out)
        } else {
            ByteTextSink.append(x, to: &out)
        }
    }

    /// A literal's bytes as they are.
    private static func literal(_ text: StaticString, into out: inout [UInt8]) {
        text.withUTF8Buffer { out.append(contentsOf: $0) }
    }

    /// Decimal digits of `value`, made backwards in a register-sized buffer: no string.
    static func integer(_ value: Int64, into out: inout [UInt8]) {
        if value < 0 { out.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // up to 20 digits, last digit first
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
            for i in stride(from: count - 1, through: 0, by: -1) { out.append(buffer[i]) }
        }
    }

    static func string(_ s: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        escapedContents(s, into: &out)
        out.append(UInt8(ascii: "\""))
    }

    /// The bytes of `s` inside a JSON string, escaped where JSON requires.
    private static func escapedContents(_ s: String, into out: inout [UInt8]) {
        var text = s
        text.withUTF8 { bytes in
            // Most strings need no escape: copy them whole.
            guard bytes.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else {
                out.append(contentsOf: bytes)
                return
            }
            for byte in bytes { escaped(byte, into: &out) }
        }
    }

    private static func escaped(_ byte: UInt8, into out: inout [UInt8]) {
        let escape: UInt8
        switch byte {
        case UInt8(ascii: "\""): escape = UInt8(ascii: "\"")
        case UInt8(ascii: "\\"): escape = UInt8(ascii: "\\")
        case 0x0A: escape = UInt8(ascii: "n")
        case 0x0D: escape = UInt8(ascii: "r")
        case 0x09: escape = UInt8(ascii: "t")
        case 0..<0x20:
            func hexDigit(_ nibble: UInt8) -> UInt8 { nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10 }
            out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hexDigit(byte >> 4), hexDigit(byte & 0xF)])
            return
        default:
            out.append(byte)
            return
        }
        out.append(UInt8(ascii: "\\"))
        out.append(escape)
    }
}
