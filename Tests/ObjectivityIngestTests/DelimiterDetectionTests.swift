@testable import ObjectivityIngest
import ObjectivityCore
import Testing

/// The delimiter detection picks what the plain rule picks — per line, count each
/// candidate outside quotes; the candidate whose most frequent positive count covers the
/// most lines wins, `;` on ties — written here the slow, obvious way as the oracle.
@Suite struct DelimiterDetectionTests {
    static func oracle(_ text: [UInt8]) -> UInt8 {
        let candidates = Array(";\t,".utf8)
        var perLine: [[Int]] = [[], [], []], current = [0, 0, 0], inQuotes = false
        for b in text.prefix(64 * 1024) {
            if b == UInt8(ascii: "\"") { inQuotes.toggle(); continue }
            if inQuotes { continue }
            if b == UInt8(ascii: "\n") {
                for k in 0..<3 { perLine[k].append(current[k]); current[k] = 0 }
                if perLine[0].count >= 200 { break }
                continue
            }
            if let k = candidates.firstIndex(of: b) { current[k] += 1 }
        }
        for k in 0..<3 where current[k] > 0 { perLine[k].append(current[k]) }
        var best = (candidates[0], 0)
        for k in 0..<3 {
            let score = Dictionary(grouping: perLine[k].filter { $0 > 0 }, by: { $0 }).values.map(\.count).max() ?? 0
            if score > best.1 { best = (candidates[k], score) }
        }
        return best.0
    }

    @Test func randomTables_detectedAsTheOracleDetects() {
        var rng = SplitMix64(seed: 11)
        let pieces = Array(";;;\t\t,,\"\n\n\n\r1a".utf8) + [0xD0, 0x9A]
        var chosen = [UInt8: Int]()
        for trial in 0..<3_000 {
            // Short texts of random bytes, and long ones past the 200-line and 64 KiB limits.
            let length = trial % 10 == 0 ? 20_000 + Int(rng.nextUnit() * 60_000) : Int(rng.nextUnit() * 400)
            let text = (0..<length).map { _ in pieces[Int(rng.nextUnit() * Double(pieces.count))] }
            let detected = DelimitedTextSource.detectDelimiter(in: text)
            #expect(detected == Self.oracle(text))
            chosen[detected, default: 0] += 1
        }
        #expect(chosen.count == 3)  // every candidate won somewhere: the cases were not all alike
    }

    @Test func tablesOfEachDelimiter_detected() {
        for delimiter in Array(";\t,".utf8) {
            let row = Array("a;b;\"c;d\";1,5".utf8).map { $0 == UInt8(ascii: ";") ? delimiter : $0 }
            let text = Array((0..<300).map { _ in row + [0x0A] }.joined())
            #expect(DelimitedTextSource.detectDelimiter(in: text) == delimiter)
        }
    }
}
