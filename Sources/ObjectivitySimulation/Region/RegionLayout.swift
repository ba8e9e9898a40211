import Foundation
import ObjectivityCore

/// The schools and municipalities of a simulated region, drawn once from the configuration.
struct RegionLayout: Sendable {
    let municipalities: [String]
    let schools: [SimulatedSchool]

    private static let municipalityNames = [
        "Ленинский", "Заречный", "Центральный", "Октябрьский", "Советский", "Кировский", "Первомайский", "Северный",
        "Южный", "Приморский", "Лесной", "Железнодорожный", "Заводской", "Пригородный", "Луговой", "Озёрный",
    ]

    /// Each school draws its traits from its own stream and its manipulation from another,
    /// so a clean region and a manipulated one with the same seed hold the same schools
    /// and pupils, and differ only where the truth file says.
    init(configuration c: RegionConfiguration) {
        let municipalityCount = max(1, c.schools / 12)
        municipalities = (0..<municipalityCount).map { i in
            let base = Self.municipalityNames[i % Self.municipalityNames.count]
            return i < Self.municipalityNames.count ? base : "\(base)-\(i / Self.municipalityNames.count + 1)"
        }
        let weights = ManipulationType.allCases.map { c.manipulationWeights[$0.rawValue] ?? 0 }
        let totalWeight = weights.reduce(0, +)
        var schools: [SimulatedSchool] = []
        schools.reserveCapacity(c.schools)
        for index in 0..<c.schools {
            var rng = SplitMix64(seed: c.seed, stream: 1, UInt64(index))
            let village = rng.nextUnit() < c.villageShare
            let selective = !village && rng.nextUnit() < c.selectiveShare / max(1e-9, 1 - c.villageShare)
            let type: String
            if selective {
                type = rng.nextUnit() < 0.5 ? "лицей" : "гимназия"
            } else if village {
                type = rng.nextUnit() < 0.3 ? "ООШ" : "СОШ"
            } else {
                type = rng.nextUnit() < 0.05 ? "интернат" : "СОШ"
            }
            let size: Int
            if village {
                size = 5 + Int(rng.nextUnit() * 11)
            } else {
                size = min(180, max(16, Int((55 * exp(0.5 * rng.nextNormal())).rounded())))
            }
            var ability = c.schoolAbilitySD * rng.nextNormal() - (village ? 0.2 : 0)
            if selective { ability += c.selectiveAbility }
            let trend = rng.nextUnit() < c.improvingShare ? c.improvingTrend : 0
            let advanced = selective ? [["Математика"], ["Русский язык"], ["Математика", "Физика"]][Int(rng.nextUnit() * 3)] : []
            let login = (index % 4 == 0 ? "edu" : "sch") + String(220_000 + index)
            let number = 1 + index % 97
            let name = switch type {
            case "лицей": "МБОУ Лицей № \(number)"
            case "гимназия": "МБОУ Гимназия № \(number)"
            case "ООШ": "МБОУ ООШ № \(number)"
            case "интернат": "ГБОУ Школа-интернат № \(number)"
            default: "МБОУ СОШ № \(number)"
            }
            let municipality = Int(rng.nextUnit() * Double(municipalityCount))
            let leniency = c.journalLeniencySD * rng.nextNormal()
            // Manipulation: a first year, then repeats with the configured persistence.
            var episodes: [Int: ManipulationEpisode] = [:]
            var rngM = SplitMix64(seed: c.seed, stream: 9, UInt64(index))
            if totalWeight > 0, rngM.nextUnit() < c.manipulatedSchoolShare {
                var pick = rngM.nextUnit() * totalWeight
                var chosen = ManipulationType.allCases[0]
                for (k, w) in weights.enumerated() {
                    if pick < w { chosen = ManipulationType.allCases[k]; break }
                    pick -= w
                }
                let eligible = Self.eligibleSittings(for: chosen, in: c)
                let first = Int(rngM.nextUnit() * Double(c.years.count))
                var active = true
                for (y, year) in c.years.enumerated() where y >= first && (!eligible.isEmpty || chosen.touchesGIA) {
                    if y > first { active = active && rngM.nextUnit() < c.persistence }
                    guard active else { break }
                    let low = c.intensityRange[0], high = c.intensityRange[1]
                    var touched = Set(eligible.filter { _ in rngM.nextUnit() < 0.6 })
                    if touched.isEmpty, !eligible.isEmpty { touched.insert(eligible[Int(rngM.nextUnit() * Double(eligible.count))]) }
                    episodes[year] = ManipulationEpisode(type: chosen, intensity: low + (high - low) * rngM.nextUnit(), sittings: touched)
                }
            }
            for injection in c.injections where injection.school == login {
                let touched = injection.sittings.map { wanted in Set(c.sittings.indices.filter { wanted.contains(c.sittings[$0]) }) }
                    ?? Set(Self.eligibleSittings(for: injection.type, in: c))
                for year in injection.years {
                    episodes[year] = ManipulationEpisode(type: injection.type, intensity: injection.intensity, sittings: touched)
                }
            }
            schools.append(SimulatedSchool(
                index: index, login: login, name: name, municipality: municipality,
                type: type, locality: village ? .village : .town, advancedSubjects: advanced, ability: ability,
                journalLeniency: leniency, trend: trend, cohortSize: size, manipulation: episodes))
        }
        self.schools = schools
    }

    /// Which ВПР sittings a manipulation type can touch: grade 8 for ВПР-above-ГИА, grade 4
    /// for the cohort drop, none for the ГИА lift (it bends every ОГЭ subject), any otherwise.
    static func eligibleSittings(for type: ManipulationType, in c: RegionConfiguration) -> [Int] {
        c.sittings.indices.filter { i in
            switch type {
            case .vprAboveGIA: c.sittings[i].grade == 8
            case .cohortDrop: c.sittings[i].grade == 4
            case .giaMinimumLift: false
            default: true
            }
        }
    }
}
