public import ObjectivityCore

/// Schools recommended for independent observers, video or the control of objectivity at
/// the next assessment, ranked by the strongest risk of their units in the latest year
/// analysed, each with the reason in Russian (seed 003 §7).
public enum ObserverList {
    public static let header = ["Место", "ОО", "Муниципалитет", "Риск", "Оценка риска", "Работ с признаками (ед. анализа)", "Основание"]

    /// Rows of the list for the latest year in `analyses`.
    public static func rows(_ analyses: [SittingAnalysis]) -> [[String]] {
        guard let year = analyses.map(\.sitting.key.year).max() else { return [] }
        var bySchool: [String: (municipality: String, units: [UnitResult])] = [:]
        for analysis in analyses where analysis.sitting.key.year == year {
            let sitting = analysis.sitting
            for unit in analysis.units where unit.riskLevel >= .medium {
                let id = sitting.schools.id(of: unit.school)
                let municipality = id.map { sitting.municipalities.count > 0 ? sitting.municipalities[sitting.schoolMunicipality[Int($0)]] : "" } ?? ""
                bySchool[unit.school, default: (municipality, [])].units.append(unit)
            }
        }
        let ranked = bySchool.sorted { a, b in
            let x = a.value.units.map(\.riskScore).max() ?? 0, y = b.value.units.map(\.riskScore).max() ?? 0
            return (x, b.key) > (y, a.key)
        }
        return ranked.enumerated().map { rank, entry in
            let units = entry.value.units.sorted { $0.riskScore > $1.riskScore }
            let top = units[0]
            let signs = Set(units.flatMap { $0.indicators.filter(\.fired).map(\.family) }).sorted().map(SignNames.russian)
            var reason = "признаки: " + signs.joined(separator: "; ") + "; предметы и классы: "
                + units.map { SittingLabel.short($0.sitting) }.joined(separator: ", ")
            if !top.earlierFlaggedYears.isEmpty {
                reason += "; признаки и в \(top.earlierFlaggedYears.map(String.init).joined(separator: ", ")) г."
            }
            return [String(rank + 1), entry.key, entry.value.municipality, top.riskLevel == .high ? "высокий" : "средний",
                    String(format4(top.riskScore)), String(units.count), reason]
        }
    }

    private static func format4(_ x: Double) -> String {
        String((x * 10_000).rounded() / 10_000).replacingOccurrences(of: ".", with: ",")
    }
}
