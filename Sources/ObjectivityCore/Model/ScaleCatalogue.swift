/// Conversion scales known in advance, by sitting (`models/scales.csv`).
///
/// A scale derived from a file is checked against the known one, and a disagreement
/// is reported: it means either a mis-marked file or a catalogue that needs updating.
public struct ScaleCatalogue: Sendable, Equatable {
    private var scales: [SittingKey: MarkScale] = [:]

    public init() {}

    public mutating func add(_ scale: MarkScale, for key: SittingKey) { scales[key] = scale }

    public func scale(for key: SittingKey) -> MarkScale? { scales[key] }

    /// All sittings with a known scale, in order.
    public var keys: [SittingKey] { scales.keys.sorted() }
}
