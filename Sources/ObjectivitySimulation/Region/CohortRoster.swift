import ObjectivityCore

/// The pupils of one school born into one cohort: who they are, which class, how able.
///
/// Drawn from its own random stream, so the same pupils (codes, classes, abilities)
/// appear in grade 4 and, a year later, in grade 5 — and in grade 8 and then at the ОГЭ.
struct CohortRoster: Sendable {
    let codes: [Int32]
    let classIndex: [UInt8]
    let abilities: [Double]

    /// - Parameter cohort: the year the cohort would sit grade 0 (year − grade).
    init(school: SimulatedSchool, cohort: Int, configuration c: RegionConfiguration) {
        var rng = SplitMix64(seed: c.seed, stream: 2, UInt64(school.index), UInt64(cohort + 10_000))
        let classes = max(1, (school.cohortSize + 27) / 28)
        let classEffects = (0..<classes).map { _ in c.classAbilitySD * rng.nextNormal() }
        var codes: [Int32] = [], classIndex: [UInt8] = [], abilities: [Double] = []
        for pupil in 0..<school.cohortSize {
            let cls = pupil * classes / school.cohortSize
            codes.append(Int32((cohort % 100) * 1000 + pupil + 1))
            classIndex.append(UInt8(cls))
            abilities.append(school.ability + classEffects[cls] + rng.nextNormal())
        }
        self.codes = codes
        self.classIndex = classIndex
        self.abilities = abilities
    }
}
