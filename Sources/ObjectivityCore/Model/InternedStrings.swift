/// A table of distinct strings, each stored once and referred to by a dense index.
///
/// Columns of a sitting refer to schools, classes and municipalities by index, so
/// millions of works carry 4-byte ids rather than millions of strings.
public struct InternedStrings: Sendable, Equatable {
    /// The distinct strings in the order they were first seen.
    public private(set) var values: [String] = []
    private var index: [String: Int32] = [:]

    public init() {}

    /// The index of `value`, adding it if it is new.
    public mutating func intern(_ value: String) -> Int32 {
        if let id = index[value] { return id }
        let id = Int32(values.count)
        values.append(value)
        index[value] = id
        return id
    }

    /// The index of `value` if it was interned.
    public func id(of value: String) -> Int32? { index[value] }

    public subscript(id: Int32) -> String { values[Int(id)] }

    public var count: Int { values.count }
}
