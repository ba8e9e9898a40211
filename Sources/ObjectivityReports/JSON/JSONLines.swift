public import Foundation

/// JSON Lines: one compact JSON object per line, keys sorted so that files diff cleanly.
public enum JSONLines {
    public static func encode<Record: Encodable>(_ records: [Record]) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var out: [UInt8] = []
        for record in records {
            out.append(contentsOf: try encoder.encode(record))
            out.append(0x0A)
        }
        return out
    }

    /// One object, keys sorted, pretty-printed, newline-terminated: a small file people may also open.
    public static func encodeObject<Record: Encodable>(_ record: Record) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
        return Array(try encoder.encode(record)) + [0x0A]
    }
}
