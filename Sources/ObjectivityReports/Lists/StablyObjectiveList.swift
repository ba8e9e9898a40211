public import ObjectivityCore

/// Schools without signs for at least three consecutive years in every analysed sitting
/// (seed 003 §8.5): no unit at `medium` or `high` in any of those years. Years in which
/// every unit of the school had fewer than 20 works are named as insufficient data: a
/// small school without signs is not evidence of objectivity.
public enum StablyObjectiveList {
    public static let header = ["ОО", "Муниципалитет", "Годы без признаков", "Сессии (предмет и класс или экзамен и предмет)", "Примечание"]
    public static let minimumYears = 3
    /// Works below which a unit says little (ФИОКО: under 20 is weak).
    public static let informativeWorks = 20

    public static func rows(_ analyses: [SittingAnalysis]) -> [[String]] {
        var years: [String: [Int: (flagged: Bool, informative: Bool, sittings: Set<String>)]] = [:]
        var municipality: [String: String] = [:]
        for analysis in analyses {
            let sitting = analysis.sitting, year = sitting.key.year
            for unit in analysis.units {
                var entry = years[unit.school, default: [:]][year] ?? (false, false, [])
                entry.flagged = entry.flagged || unit.riskLevel >= .medium
                entry.informative = entry.informative || unit.works >= informativeWorks
                entry.sittings.insert(SittingLabel.short(sitting.key))
                years[unit.school, default: [:]][year] = entry
                if municipality[unit.school] == nil, let id = sitting.schools.id(of: unit.school), sitting.municipalities.count > 0 {
                    municipality[unit.school] = sitting.municipalities[sitting.schoolMunicipality[Int(id)]]
                }
            }
        }
        var rows: [[String]] = []
        for school in years.keys.sorted() {
            let record = years[school]!
            // The longest run of consecutive years without signs, ending with the latest such year.
            var best: [Int] = [], run: [Int] = []
            for year in record.keys.sorted() {
                if record[year]!.flagged { run = []; continue }
                if let last = run.last, year != last + 1 { run = [] }
                run.append(year)
                if run.count >= best.count { best = run }
            }
            guard best.count >= minimumYears else { continue }
            let weak = best.filter { !record[$0]!.informative }
            let note = weak.isEmpty ? "" : "данных недостаточно в \(weak.map(String.init).joined(separator: ", ")) г. (все единицы анализа меньше \(informativeWorks) работ)"
            let sittings = Set(best.flatMap { record[$0]!.sittings }).sorted().joined(separator: ", ")
            rows.append([school, municipality[school] ?? "", best.map(String.init).joined(separator: ", "), sittings, note])
        }
        return rows
    }
}
