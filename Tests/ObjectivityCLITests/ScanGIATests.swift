import Foundation
import ObjectivityTesting
import Testing

/// ГИА through the real reader and `scan`: an ЕГЭ file alone (no ВПР) gives ЕГЭ units with
/// the effective primary cut of the minimum test score, and region bunching in sittings.jsonl.
@Suite struct ScanGIATests {
    @Test func egeFile_givesEGEUnits_atThePrimaryScoreOfTheMinimumTestScore() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // 30 schools × 24 participants; primary 0…50, test score 2 × primary (capped at 100):
        // the minimum test score 24 (models/gia_minimums.csv, Русский язык) is reached at 12.
        var lines = ["Год;Экзамен;Предмет;ОО;Код участника;Первичный балл;Тестовый балл;Отметка"]
        var state: UInt64 = 7
        for school in 0..<30 {
            for pupil in 0..<24 {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                let primary = 8 + Int((state >> 33) % 35)
                lines.append("2025;ЕГЭ;Русский язык;sch\(221000 + school);\(1000 + pupil);\(primary);\(min(100, 2 * primary));")
            }
        }
        try (lines.joined(separator: "\n") + "\n").write(to: directory.appendingPathComponent("ГИА_2025.csv"), atomically: true, encoding: .utf8)
        let out = directory.appendingPathComponent("out")
        let run = try CommandRunner.run(["scan", directory.appendingPathComponent("ГИА_2025.csv").path, "--out", out.path])
        #expect(run.status == 0, "\(run.standardError)")
        let units = try String(contentsOf: out.appendingPathComponent("units.jsonl"), encoding: .utf8).split(separator: "\n")
            .compactMap { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(units.count == 30)
        #expect(units.allSatisfy { $0["exam"] as? String == "ЕГЭ" && $0["grade"] as? Int == 11 && $0["n"] as? Int == 24 })
        let codes = Set(units.flatMap { ($0["indicators"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String } })
        #expect(codes == ["gia_threshold_peak", "gia_minimum_share"])
        let share = (units[0]["indicators"] as? [[String: Any]])?.first { $0["code"] as? String == "gia_minimum_share" }
        #expect((share?["detail"] as? [String: Any])?["minimum"] as? String == "12")
        let sittings = try String(contentsOf: out.appendingPathComponent("sittings.jsonl"), encoding: .utf8).split(separator: "\n")
            .compactMap { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(sittings.count == 1 && sittings[0]["exam"] as? String == "ЕГЭ" && sittings[0]["works"] as? Int == 720)
        #expect((sittings[0]["cuts"] as? [[String: Any]])?.map { $0["cut"] as? Int } == [12])
    }
}
