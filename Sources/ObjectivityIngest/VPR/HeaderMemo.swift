import ObjectivityCore

/// Interpretations of header rows (which table a header opens, a Ф1 header's columns) and
/// of sitting titles already made in this batch.
///
/// A national batch holds a hundred thousand Ф1 files written from a dozen templates:
/// their header rows and title cells repeat file after file, while classifying a header
/// (folding, task labels) and parsing a title (tokens, catalogue lookups) go through
/// Unicode string operations that cost more than reading the file's rows. Both are pure
/// functions of their text, so each distinct text is interpreted once and shared by the
/// reading threads.
final class HeaderMemo: Sendable {
    private let columns = LockedValue<[[UInt8]: VPRColumns]>([:])
    private let titles = LockedValue<[[UInt8]: SittingNameParser.Parsed]>([:])
    private let canonicalSubjects = LockedValue<[[UInt8]: String?]>([:])
    private let headerKinds = LockedValue<[[UInt8]: TableKind]>([:])
    /// Rows asked before that are no header: a template's rows above its header (subject,
    /// maximum score, task levels) come again in every file, and folding their cells to
    /// find them no header was most of the cost of asking.
    private let nonHeaders = LockedValue<Set<[UInt8]>>([])
    /// Entries kept per table: a batch of hostile files with ever-new headers must not grow
    /// the memo without bound.
    static let capacity = 4096

    init() {}

    /// ``VPRColumns`` of a header row.
    func columns(header: [String]) -> VPRColumns {
        Self.recall(Self.key(header), in: columns) { VPRColumns(header: header) }
    }

    /// The kind of table `cells` are the header of, `recognise()` for a row not seen before
    /// (every row above the header is asked). Headers and the rows that are none are kept
    /// apart, each up to ``capacity``: rows of a file's own (a school's name in two cells)
    /// may fill the second, never crowd out the headers.
    func headerKind(of cells: [String], recognise: () -> TableKind?) -> TableKind? {
        let key = Self.key(cells)
        if let known = headerKinds.withLock({ $0[key] }) { return known }
        if nonHeaders.withLock({ $0.contains(key) }) { return nil }
        guard let kind = recognise() else {
            nonHeaders.withLock { if $0.count < Self.capacity { $0.insert(key) } }
            return nil
        }
        headerKinds.withLock { if $0.count < Self.capacity { $0[key] = kind } }
        return kind
    }

    /// A row's cells as one key: their bytes, each followed by the unit separator.
    private static func key(_ cells: [String]) -> [UInt8] {
        var key: [UInt8] = []
        for cell in cells {
            key.append(contentsOf: cell.utf8)
            key.append(0x1F)
        }
        return key
    }

    /// `parser.parse(text)`.
    func parse(_ text: String, with parser: SittingNameParser) -> SittingNameParser.Parsed {
        Self.recall(Array(text.utf8), in: titles) { parser.parse(text) }
    }

    /// `subjects`' spelling of `subject`, nil when it does not know it.
    func canonical(_ subject: String, in subjects: SubjectCatalogue) -> String? {
        Self.recall(Array(subject.utf8), in: canonicalSubjects) { subjects.canonical(subject) }
    }

    /// Whether `subjects` knows `subject`.
    func isKnown(_ subject: String, in subjects: SubjectCatalogue) -> Bool {
        canonical(subject, in: subjects) != nil
    }

    /// The value kept for `key` in `table`, else `make()` kept there (while there is room).
    /// `make` runs outside the lock: two threads may both make a value, never a different one.
    private static func recall<Value: Sendable>(_ key: [UInt8], in table: LockedValue<[[UInt8]: Value]>, make: () -> Value) -> Value {
        if let known = table.withLock({ $0[key] }) { return known }
        let made = make()
        table.withLock { if $0.count < capacity { $0[key] = made } }
        return made
    }
}
