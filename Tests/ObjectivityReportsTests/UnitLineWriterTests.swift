import Foundation
import ObjectivityCore
@testable import ObjectivityReports
import Testing

@Suite struct UnitLineWriterTests {
    private func unit(weight: Double, years: [Int]) -> UnitResult {
        var peak = IndicatorResult(code: "threshold_peak", detail: ["trials": 30, "null_scale": 1.25],
                                   test: HypothesisTestResult(statistic: 19, parameter: 30, pValue: 0.000936, estimate: 0.1422,
                                                              method: "", alternative: .greater, caveats: ["small unit: 9 works"]))
        peak.qValue = 1.5e-7
        peak.fired = true
        let journal = IndicatorResult(code: "journal_discrepancy", direction: "lowered",
                                      test: HypothesisTestResult(statistic: -1.2345678901234567, parameter: nil, pValue: 1, estimate: -0.35,
                                                                 method: "", alternative: .greater))
        // Groups, two caveats, a figure that is not an integer, a name the result's own
        // entries replace, and text that needs escaping inside detail values.
        var similarity = IndicatorResult(code: "answer_similarity", direction: "near_identical",
                                         detail: ["expected_pairs": 0.11, "trials": 7, "direction": 3],
                                         test: HypothesisTestResult(statistic: 161, parameter: 2415, pValue: 1.7e-45, estimate: 0.3429,
                                                                    method: "", alternative: .greater,
                                                                    caveats: ["small \"unit\"", "tab\there"]))
        similarity.groups = [["20051", "20052"], ["3\\1", "x\ny"]]
        similarity.nullScale = 1.0649
        var result = UnitResult(sitting: SittingKey(year: 2025, subject: "Русский язык", grade: 5), school: "sch\"22\\01",
                                works: 62, indicators: [peak, journal, similarity], riskScore: 0.98641, riskLevel: .high)
        result.priorWeight = weight
        result.earlierFlaggedYears = years
        return result
    }

    private func object(_ bytes: [UInt8]) throws -> NSDictionary {
        try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? NSDictionary)
    }

    @Test func lines_carryTheSameObjectsAsJSONEncoder() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for (u, explanation) in [(unit(weight: 1, years: []), nil as String?),
                                 (unit(weight: 2.9431, years: [2023, 2024]), "Признаки «x»:\n\tp < 0,0001 \u{1} / ok")] {
            let record = UnitRecord(u, explanation: explanation)
            let written = UnitLineWriter.line(u, explanation: explanation)
            #expect(written.last == 0x0A && !written.dropLast().contains(0x0A), "one line")
            #expect(try object(written) == object(Array(encoder.encode(record))))
        }
    }

    /// A near-identical class gives p-values below 10⁻³⁰⁸ (subnormal): they are written as
    /// numbers that parse, not `nan`.
    @Test func subnormalPValues_stayValidJSONNumbers() throws {
        var u = unit(weight: 1, years: [])
        u.indicators[0].test.pValue = 3.903119e-322
        u.indicators[0].qValue = 5e-324
        let parsed = try object(UnitLineWriter.line(u))
        let indicator = try #require((parsed["indicators"] as? [NSDictionary])?.first)
        let p = try #require(indicator["p_value"] as? Double)
        #expect(p > 3.8e-322 && p < 4.0e-322, "\(p)")
        #expect(try #require(indicator["q_value"] as? Double) > 0)
    }

    /// Numbers go through `Double.write(to:)`, not `description`: the bytes must be the
    /// same — over doubles of every magnitude, subnormals, the rounded p-values and
    /// four-decimal effects the lines hold, and negative zero.
    @Test func numbers_areSpelledAsDescriptionSpellsThem() {
        var rng = SplitMix64(seed: 11, stream: 0)
        var values: [Double] = [-0.0, 0.1, 1.0 / 3, 5e-324, 3.903119e-322, 2.2250738585072014e-308, 1.7976931348623157e308,
                                9_007_199_254_740_992, 123_456_789.125, -1.2345678901234567, 1e-5, 0.0001, 1e16]
        for _ in 0..<200_000 {
            let bits = UInt64(rng.nextUnit() * 0x1p52) | (UInt64(rng.nextUnit() * 2047) << 52) | (rng.nextUnit() < 0.5 ? 1 << 63 : 0)
            values.append(Double(bitPattern: bits))
            values.append(IndicatorRecord.round(rng.nextUnit()))
            values.append((rng.nextNormal() * 10_000).rounded() / 10_000)
        }
        var mismatches: [Double] = []
        for x in values where x.isFinite {
            let buffer = ByteBuffer(capacity: UnitLineWriter.numberBound)
            buffer.write(atMost: UnitLineWriter.numberBound) { UnitLineWriter.number(x, to: &$0) }
            let out = buffer.bytes
            let expected = x == x.rounded() && abs(x) < 9_007_199_254_740_992 ? String(Int64(x)) : x.description
            if out != Array(expected.utf8) { mismatches.append(x) }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    }

    /// Text made only of characters written six bytes each (`\u0001`) in every place a
    /// line holds text: the room made for each part (six bytes per byte) is enough.
    @Test func textEscapedAtItsLongest_fitsTheBounds() throws {
        let worst = String(repeating: "\u{1}\u{1F}", count: 40)
        var u = unit(weight: 1, years: [2023])
        u.school = worst
        u.indicators[0].code = worst
        u.indicators[0].direction = worst
        u.indicators[0].test.caveats = [worst, worst]
        u.indicators[2].groups = [[worst, worst], [worst]]
        let line = UnitLineWriter.line(u, explanation: worst, alertID: worst)
        let parsed = try object(line)
        #expect(parsed["school"] as? String == worst)
        let detail = try #require((parsed["indicators"] as? [NSDictionary])?.first?["detail"] as? NSDictionary)
        #expect(detail["caveats"] as? String == "\(worst); \(worst)")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let expected = try #require(try object(Array(encoder.encode(UnitRecord(u, explanation: worst)))).mutableCopy() as? NSMutableDictionary)
        expected["alert_id"] = worst
        #expect(parsed == expected)
    }

    @Test func alertID_isAddedAsAKey() throws {
        let line = UnitLineWriter.line(unit(weight: 1, years: []), alertID: "2025-sch1-00ff")
        #expect(try object(line)["alert_id"] as? String == "2025-sch1-00ff")
        #expect(String(decoding: line, as: UTF8.self).hasPrefix("{\"alert_id\":\"2025-sch1-00ff\",\"exam\":\"ВПР\",\"grade\":5,"))
    }
}
