/// A manipulation placed by hand in a named school, on top of the random ones: so that a
/// test or a demonstration can bend exactly the school it wants, whatever its size.
public struct ManipulationInjection: Sendable, Codable, Equatable {
    /// School login as the simulator names schools (`sch220017`, `edu220000`: index + 220000).
    public var school: String
    public var years: [Int]
    public var type: ManipulationType
    /// Probability that an eligible work is bent, 0…1.
    public var intensity: Double
    /// The sittings it touches; every sitting the type can touch when left out.
    public var sittings: [SittingSpecification]?

    public init(school: String, years: [Int], type: ManipulationType, intensity: Double, sittings: [SittingSpecification]? = nil) {
        self.school = school
        self.years = years
        self.type = type
        self.intensity = intensity
        self.sittings = sittings
    }
}
