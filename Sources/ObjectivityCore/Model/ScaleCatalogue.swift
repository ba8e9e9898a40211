/// Conversion scales known in advance, by sitting (`models/scales.csv`); the sitting's key
/// names the assessment (ВПР, ОГЭ, …).
///
/// A scale derived from a file is checked against the known one, and a disagreement
/// is reported: it means either a mis-marked file or a catalogue that needs updating.
public struct ScaleCatalogue: Sendable, Equatable {
    private var scales: [SittingKey: MarkScale] = [:]

    public init() {}

    /// Records `scale` for `sitting`.
    public mutating func add(_ scale: MarkScale, for sitting: SittingKey) {
        scales[sitting] = scale
    }

    public func scale(for sitting: SittingKey) -> MarkScale? {
        scales[sitting]
    }

    /// All sittings of `assessment` with a known scale, in order.
    public func sittings(of assessment: String = SittingKey.vpr) -> [SittingKey] {
        scales.keys.filter { $0.assessment == assessment }.sorted()
    }
}
