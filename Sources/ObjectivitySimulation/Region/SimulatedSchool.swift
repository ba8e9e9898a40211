import ObjectivityCore

/// One school of a simulated region: who it is and the hidden traits that drive its results.
struct SimulatedSchool: Sendable {
    var index: Int
    var login: String
    var name: String
    var municipality: Int
    var type: String
    var locality: SchoolRecord.Locality
    var advancedSubjects: [String]
    /// School effect on pupils' ability, logits.
    var ability: Double
    /// How much more generous than the ВПР the school's journal is, logits.
    var journalLeniency: Double
    /// Honest improvement per year, logits (0 for most schools).
    var trend: Double
    /// Pupils per grade.
    var cohortSize: Int
    /// Manipulation by year, if any.
    var manipulation: [Int: ManipulationEpisode]

    var record: SchoolRecord {
        SchoolRecord(login: login, name: name, municipality: "", type: type, advancedSubjects: advancedSubjects,
                     locality: locality, pupils: cohortSize * 9)
    }
}

/// What a manipulating school does in one year.
struct ManipulationEpisode: Sendable {
    var type: ManipulationType
    /// Probability that an eligible work is bent, 0…1.
    var intensity: Double
    /// The sittings (indices into the configuration's list) it touches that year.
    var sittings: Set<Int>
}
