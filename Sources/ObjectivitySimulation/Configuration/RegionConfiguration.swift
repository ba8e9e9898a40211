public import Foundation

/// Everything that shapes a simulated region, with a default for every field.
///
/// Loaded from JSON by `objectivity simulate --config FILE`; any key may be left out.
/// Keys (type, default):
/// - `seed` (integer, 1), `schools` (integer, 300), `years` ([integer], [2023, 2024, 2025])
/// - `sittings` ([{subject, grade}], Математика and Русский язык in grades 4, 5, 8)
/// - `giaSubjects` ([string], Математика and Русский язык: ОГЭ in grade 9)
/// - `villageShare` (0…1, 0.5): share of rural schools, which are small (5–15 pupils a grade)
/// - `selectiveShare` (0…1, 0.1): лицеи and гимназии, really stronger (`selectiveAbility`, 0.7 logits)
/// - `improvingShare` (0…1, 0.05): honest schools that improve by `improvingTrend` (0.25 logits a year)
/// - `schoolAbilitySD` (0.45), `classAbilitySD` (0.2): ability effects, logits
/// - `journalNoiseSD` (0.7), `journalLeniencySD` (0.3): the journal mark's noise and a school's leniency, logits
/// - `manipulatedSchoolShare` (0…1, 0.1): schools that bend results in at least one year
/// - `manipulationWeights` ({type: weight}, every ВПР type 1; `gia_minimum_lift` 0, so that
///   the default region's ВПР schools stay as they were before ГИА could be bent)
/// - `intensityRange` ([low, high], [0.3, 0.9]): probability that an eligible work is bent
/// - `persistence` (0…1, 0.7): chance a manipulating school does it again the next year
/// - `schoolFileShare` (0…1, 0.3): municipalities that upload one file per school, not one per municipality
/// - `xlsxShare` (0…1, 0.1), `titleRowShare` (0…1, 0.6): output variety
/// - `injections` ([{school, years, type, intensity, sittings?}], none): manipulations placed
///   by hand in named schools, replacing whatever the random draw gave them in those years
public struct RegionConfiguration: Sendable, Codable, Equatable {
    public var seed: UInt64 = 1
    public var schools: Int = 300
    public var years: [Int] = [2023, 2024, 2025]
    public var sittings: [SittingSpecification] = [
        .init(subject: "Математика", grade: 4), .init(subject: "Русский язык", grade: 4),
        .init(subject: "Математика", grade: 5), .init(subject: "Русский язык", grade: 5),
        .init(subject: "Математика", grade: 8), .init(subject: "Русский язык", grade: 8),
    ]
    public var giaSubjects: [String] = ["Математика", "Русский язык"]
    public var villageShare = 0.5
    public var selectiveShare = 0.1
    public var selectiveAbility = 0.7
    public var improvingShare = 0.05
    public var improvingTrend = 0.25
    public var schoolAbilitySD = 0.45
    public var classAbilitySD = 0.2
    public var journalNoiseSD = 0.7
    public var journalLeniencySD = 0.3
    public var manipulatedSchoolShare = 0.1
    public var manipulationWeights: [String: Double] = Dictionary(
        uniqueKeysWithValues: ManipulationType.allCases.map { ($0.rawValue, $0.touchesGIA ? 0 : 1.0) })
    public var intensityRange: [Double] = [0.3, 0.9]
    public var persistence = 0.7
    public var schoolFileShare = 0.3
    public var xlsxShare = 0.1
    public var titleRowShare = 0.6
    public var injections: [ManipulationInjection] = []

    public init() {}

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = RegionConfiguration()
        seed = try c.decodeIfPresent(UInt64.self, forKey: .seed) ?? d.seed
        schools = try c.decodeIfPresent(Int.self, forKey: .schools) ?? d.schools
        years = try c.decodeIfPresent([Int].self, forKey: .years) ?? d.years
        sittings = try c.decodeIfPresent([SittingSpecification].self, forKey: .sittings) ?? d.sittings
        giaSubjects = try c.decodeIfPresent([String].self, forKey: .giaSubjects) ?? d.giaSubjects
        villageShare = try c.decodeIfPresent(Double.self, forKey: .villageShare) ?? d.villageShare
        selectiveShare = try c.decodeIfPresent(Double.self, forKey: .selectiveShare) ?? d.selectiveShare
        selectiveAbility = try c.decodeIfPresent(Double.self, forKey: .selectiveAbility) ?? d.selectiveAbility
        improvingShare = try c.decodeIfPresent(Double.self, forKey: .improvingShare) ?? d.improvingShare
        improvingTrend = try c.decodeIfPresent(Double.self, forKey: .improvingTrend) ?? d.improvingTrend
        schoolAbilitySD = try c.decodeIfPresent(Double.self, forKey: .schoolAbilitySD) ?? d.schoolAbilitySD
        classAbilitySD = try c.decodeIfPresent(Double.self, forKey: .classAbilitySD) ?? d.classAbilitySD
        journalNoiseSD = try c.decodeIfPresent(Double.self, forKey: .journalNoiseSD) ?? d.journalNoiseSD
        journalLeniencySD = try c.decodeIfPresent(Double.self, forKey: .journalLeniencySD) ?? d.journalLeniencySD
        manipulatedSchoolShare = try c.decodeIfPresent(Double.self, forKey: .manipulatedSchoolShare) ?? d.manipulatedSchoolShare
        manipulationWeights = try c.decodeIfPresent([String: Double].self, forKey: .manipulationWeights) ?? d.manipulationWeights
        intensityRange = try c.decodeIfPresent([Double].self, forKey: .intensityRange) ?? d.intensityRange
        persistence = try c.decodeIfPresent(Double.self, forKey: .persistence) ?? d.persistence
        schoolFileShare = try c.decodeIfPresent(Double.self, forKey: .schoolFileShare) ?? d.schoolFileShare
        xlsxShare = try c.decodeIfPresent(Double.self, forKey: .xlsxShare) ?? d.xlsxShare
        titleRowShare = try c.decodeIfPresent(Double.self, forKey: .titleRowShare) ?? d.titleRowShare
        injections = try c.decodeIfPresent([ManipulationInjection].self, forKey: .injections) ?? d.injections
    }

    /// A configuration that does not hold together, with the key to fix.
    public struct Invalid: Error, Sendable, CustomStringConvertible {
        public let key: String
        public let expected: String
        public var description: String { "\(key): expected \(expected)" }
    }

    /// Checks ranges and names; the simulator runs only on a valid configuration.
    public func validate() throws(Invalid) {
        guard schools > 0 else { throw Invalid(key: "schools", expected: "a positive number") }
        guard !years.isEmpty, Set(years).count == years.count else { throw Invalid(key: "years", expected: "distinct years") }
        for (key, value) in [("villageShare", villageShare), ("selectiveShare", selectiveShare), ("improvingShare", improvingShare),
                             ("manipulatedSchoolShare", manipulatedSchoolShare), ("persistence", persistence),
                             ("schoolFileShare", schoolFileShare), ("xlsxShare", xlsxShare), ("titleRowShare", titleRowShare)]
        where !(0...1).contains(value) {
            throw Invalid(key: key, expected: "a share between 0 and 1")
        }
        guard intensityRange.count == 2, intensityRange[0] >= 0, intensityRange[0] <= intensityRange[1], intensityRange[1] <= 1 else {
            throw Invalid(key: "intensityRange", expected: "[low, high] with 0 ≤ low ≤ high ≤ 1")
        }
        for injection in injections where !(0...1).contains(injection.intensity) || injection.years.isEmpty {
            throw Invalid(key: "injections", expected: "years and an intensity between 0 and 1 for \(injection.school)")
        }
        for name in manipulationWeights.keys where ManipulationType(rawValue: name) == nil {
            throw Invalid(key: "manipulationWeights", expected: "types among \(ManipulationType.allCases.map(\.rawValue))")
        }
    }

    /// Reads a configuration from a JSON file.
    public static func load(from url: URL) throws -> RegionConfiguration {
        try JSONDecoder().decode(RegionConfiguration.self, from: Data(contentsOf: url))
    }
}
