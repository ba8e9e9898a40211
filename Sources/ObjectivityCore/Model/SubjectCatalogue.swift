/// Canonical subject names and the other spellings that name them.
///
/// File names and titles spell subjects many ways (`Математика`, `matematika`,
/// `Русский язык`, `russkiy-yazyk`); units and outputs always use the canonical
/// Russian name. The catalogue is data (`models/subjects.csv`), not code.
public struct SubjectCatalogue: Sendable, Equatable {
    /// Canonical names in catalogue order.
    public private(set) var subjects: [String] = []
    private var byAlias: [String: String] = [:]
    private var latin: [String: String] = [:]

    public init() {}

    /// Adds `subject` with its `aliases`; the canonical name is an alias of itself.
    public mutating func add(subject: String, aliases: [String]) {
        subjects.append(subject)
        for alias in [subject] + aliases { byAlias[Self.fold(alias)] = subject }
        if let first = aliases.first(where: { $0.unicodeScalars.allSatisfy(\.isASCII) }) {
            latin[subject] = Self.fold(first).replacingSpaces(with: "-")
        }
    }

    /// The subject in Latin letters for file names (`russkiy-yazyk`), from its first ASCII alias.
    public func transliteration(of subject: String) -> String? { latin[subject] }

    /// The canonical name for any known spelling, or `nil`.
    public func canonical(_ spelling: String) -> String? { byAlias[Self.fold(spelling)] }

    /// Lower case, «ё» as «е», `_` and `-` as spaces, runs of spaces as one.
    public static func fold(_ text: String) -> String {
        var folded = ""
        for character in TextCase.lowercased(text) {
            switch character {
            case "ё": folded.append("е")
            case "_", "-": folded.append(" ")
            default: folded.append(character)
            }
        }
        return folded.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}

extension String {
    fileprivate func replacingSpaces(with separator: String) -> String {
        split(separator: " ").joined(separator: separator)
    }
}
