/// Conversion scales known in advance, by assessment and sitting (`models/scales.csv`).
///
/// A scale derived from a file is checked against the known one, and a disagreement
/// is reported: it means either a mis-marked file or a catalogue that needs updating.
public struct ScaleCatalogue: Sendable, Equatable {
    private struct Key: Hashable {
        var assessment: String
        var sitting: SittingKey
    }

    private var scales: [Key: MarkScale] = [:]

    public init() {}

    /// Records `scale` for `sitting` of `assessment` (`ВПР`, `ОГЭ`, …).
    public mutating func add(_ scale: MarkScale, for sitting: SittingKey, assessment: String = "ВПР") {
        scales[Key(assessment: assessment, sitting: sitting)] = scale
    }

    public func scale(for sitting: SittingKey, assessment: String = "ВПР") -> MarkScale? {
        scales[Key(assessment: assessment, sitting: sitting)]
    }

    /// All sittings of `assessment` with a known scale, in order.
    public func sittings(of assessment: String = "ВПР") -> [SittingKey] {
        scales.keys.filter { $0.assessment == assessment }.map(\.sitting).sorted()
    }
}
