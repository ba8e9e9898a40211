@testable import ObjectivityIngest
import ObjectivityCore
import Testing

/// Windows-1251 decoding writes what the code page says, byte for byte, whatever the mix
/// of ASCII runs (taken eight bytes at a time) and Cyrillic.
@Suite struct Windows1251Tests {
    /// The slow, obvious decoding: each byte's scalar from the table, encoded by the
    /// standard library.
    static func oracle(_ bytes: [UInt8]) -> [UInt8] {
        var text = String.UnicodeScalarView()
        for b in bytes {
            text.append(b < 0x80 ? Unicode.Scalar(b) : Unicode.Scalar(Windows1251.upperHalf[Int(b) - 0x80])!)
        }
        return Array(String(text).utf8)
    }

    @Test func everyByte_decodedAsTheCodePageSays() {
        let all = (0...255).map { UInt8($0) }
        #expect(Windows1251.decode(all) == Self.oracle(all))
        #expect(Windows1251.decode([0xCA, 0xEE, 0xE4, 0x3B, 0xB9, 0x31]) == Array("Код;№1".utf8))  // № takes three bytes
    }

    @Test func randomMixes_decodedAsTheOracleDecodes() {
        var rng = SplitMix64(seed: 1251)
        for trial in 0..<2_000 {
            let length = trial % 100 == 0 ? 5_000 : Int(rng.nextUnit() * 40)
            // Mostly ASCII with some Cyrillic, so that runs of every length meet the edges.
            let bytes = (0..<length).map { _ in rng.nextUnit() < 0.8 ? UInt8(0x30 + Int(rng.nextUnit() * 10)) : UInt8(0x80 + Int(rng.nextUnit() * 128)) }
            #expect(Windows1251.decode(bytes) == Self.oracle(bytes))
        }
    }

    @Test func encodingUndoesDecoding_exceptTheUndefinedByte() {
        let all = (0...255).map { UInt8($0) }.filter { $0 != 0x98 }
        #expect(Windows1251.encode(Windows1251.decode(all)) == all)
    }
}
