/// Named figures beside an indicator's test — the trials, a cohort's later year and
/// matched pupils, a ГИА band's expected counts — as `units.jsonl` shows them in `detail`.
///
/// A few pairs in one array, sorted by name, instead of a dictionary: a country's analysis
/// holds some four million of them, and a two-entry dictionary takes about twice the
/// memory of the array (and a hash of every name to build).
public struct IndicatorDetail: Sendable, Equatable, Sequence, ExpressibleByDictionaryLiteral {
    @usableFromInline
    struct Entry: Sendable, Equatable {
        var name: String
        var value: Double
    }

    @usableFromInline
    var entries: [Entry]

    /// The figures of `values`.
    public init(_ values: [String: Double]) {
        entries = values.map { Entry(name: $0.key, value: $0.value) }
        entries.sort { $0.name < $1.name }
    }

    public init(dictionaryLiteral elements: (String, Double)...) {
        entries = elements.map { Entry(name: $0.0, value: $0.1) }
        entries.sort { $0.name < $1.name }
        precondition(zip(entries, entries.dropFirst()).allSatisfy { $0.name != $1.name }, "each name once")
    }

    /// The figure called `name`, if there is one.
    public subscript(name: String) -> Double? {
        entries.first { $0.name == name }?.value
    }

    /// Inlinable, so that reading it takes no reference to the figures' array.
    @inlinable public var count: Int { entries.count }
    public var isEmpty: Bool { entries.isEmpty }

    /// The figures in name order.
    public struct Iterator: IteratorProtocol {
        fileprivate var entries: IndexingIterator<[Entry]>

        public mutating func next() -> (key: String, value: Double)? {
            entries.next().map { (key: $0.name, value: $0.value) }
        }
    }

    public func makeIterator() -> Iterator { Iterator(entries: entries.makeIterator()) }
}
