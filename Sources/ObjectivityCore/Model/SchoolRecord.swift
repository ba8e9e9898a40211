/// One school of the registry: what peer groups and the «lyceum» exemption need.
public struct SchoolRecord: Sendable, Hashable {
    /// Whether a school is in a town or a village.
    public enum Locality: String, Sendable, Hashable {
        case town = "город"
        case village = "село"
    }

    /// School login (`schNNNNNN` / `eduNNNNNN`), lower case.
    public var login: String
    public var name: String
    public var municipality: String
    /// «СОШ», «ООШ», «НОШ», «лицей», «гимназия», «интернат», …
    public var type: String
    /// Subjects studied in depth (canonical names where known).
    public var advancedSubjects: [String]
    public var locality: Locality?
    /// Number of pupils, if given.
    public var pupils: Int?

    public init(login: String, name: String, municipality: String, type: String, advancedSubjects: [String],
                locality: Locality?, pupils: Int?) {
        self.login = login
        self.name = name
        self.municipality = municipality
        self.type = type
        self.advancedSubjects = advancedSubjects
        self.locality = locality
        self.pupils = pupils
    }

    /// Whether the school is a lyceum or gymnasium, where high results are expected.
    ///
    /// Matched on the UTF-8 bytes of the lower-cased type: every sitting asks this of
    /// every school of the registry (a country has 40,000), and `String.contains` on
    /// Cyrillic text goes through Unicode normalisation.
    public var isSelective: Bool {
        let t = Array(type.lowercased().utf8)
        return Self.selectiveMarks.contains { mark in
            t.count >= mark.count && (0...(t.count - mark.count)).contains { start in t[start..<(start + mark.count)].elementsEqual(mark) }
        }
    }

    private static let selectiveMarks: [[UInt8]] = ["лицей", "гимназ"].map { Array($0.utf8) }
}
