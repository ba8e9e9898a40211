public import ObjectivityCore

/// A large, plausible Ф1 export made in memory, for ingest benchmarks and load tests.
///
/// Not the simulator: scores are independent draws with a school effect, enough to
/// exercise every code path of the reader (missing markers, «нет отметки», many
/// schools and classes) at a known size.
public enum SyntheticExport {
    /// ВПР 2025 Математика 5: 13 tasks, maximum 20 (its scale comes from models/scales.csv).
    public static let taskMaxima: [Int] = [1, 1, 1, 2, 1, 2, 2, 2, 1, 2, 2, 1, 2]
    public static let taskLabels: [String] = ["1", "2", "3", "4", "5", "6", "7", "8", "9.1", "9.2", "10", "11K1", "12"]
    public static let fileName = "ВПР_2025_Математика_5_region.csv"

    /// UTF-8 CSV bytes with `works` rows, `;`-delimited, CRLF, schools of 60 works, marked
    /// with `scale` (pass the one `models/` holds for ВПР 2025 Математика 5).
    public static func csv(works: Int, scale: MarkScale, seed: UInt64 = 1) -> [UInt8] {
        var rng = SplitMix64(seed: seed)
        var out: [UInt8] = []
        out.reserveCapacity(works * 80 + 1024)
        let header = ["ОО", "Муниципалитет", "Код участника", "Класс", "Вариант"]
            + zip(taskLabels, taskMaxima).map { "\($0) (\($1)б)" } + ["Первичный балл", "Отметка", "Отметка по журналу"]
        out.append(contentsOf: header.joined(separator: ";").utf8)
        out.append(contentsOf: [0x0D, 0x0A])
        var schoolAbility = 0.5
        for i in 0..<works {
            let school = i / 60
            if i % 60 == 0 { schoolAbility = 0.3 + 0.5 * rng.nextUnit() }
            let ability = min(0.98, max(0.02, schoolAbility + 0.3 * (rng.nextUnit() - 0.5)))
            // Exports list a school class by class: the first half of each school is 5А, the rest 5Б.
            var line = "sch\(220_000 + school);Район \(school % 40);\(i + 100_000);5\(i % 60 < 30 ? "А" : "Б");\(1 + i % 2)"
            var total = 0
            for maximum in taskMaxima {
                if rng.nextUnit() < 0.03 {
                    line += ";X"
                    continue
                }
                var score = 0
                for _ in 0..<maximum where rng.nextUnit() < ability { score += 1 }
                total += score
                line += ";\(score)"
            }
            let mark = scale.mark(forScore: total) ?? 2
            let journal = rng.nextUnit() < 0.1 ? "нет отметки" : String(min(5, max(2, mark + Int(rng.nextUnit() * 3) - 1)))
            line += ";\(total);\(mark);\(journal)\r\n"
            out.append(contentsOf: line.utf8)
        }
        return out
    }
}
