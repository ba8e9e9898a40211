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
    /// A row's or a text's bytes, hashed once before any lock is taken: the reading
    /// threads ask the memo for every row above a header, and hashing a key byte by byte
    /// through `Hasher` under the lock held the other thread waiting (5 % of reading).
    struct Key: Hashable, Sendable {
        let bytes: [UInt8]
        private let hash: UInt64

        init(_ bytes: [UInt8]) {
            self.bytes = bytes
            hash = bytes.withUnsafeBufferPointer { ByteHash.fnv1a($0) }
        }

        /// A row's trimmed cells, each followed by the unit separator: the bytes of the
        /// cells ``RawRow/strings`` gives (which only repairs invalid UTF-8, and equal bytes
        /// still give equal cells, so the key stays a function of the row).
        init(row: RawRow) {
            // Sized first: grown by appends, a header's key took half a dozen allocations.
            var size = row.cellCount
            for i in 0..<row.cellCount { size += row.trimmedRange(of: i).count }
            var bytes: [UInt8] = []
            bytes.reserveCapacity(size)
            for i in 0..<row.cellCount {
                bytes.append(contentsOf: row.bytes(row.trimmedRange(of: i)))
                bytes.append(0x1F)
            }
            self.init(bytes)
        }

        func hash(into hasher: inout Hasher) { hasher.combine(hash) }

        static func == (a: Key, b: Key) -> Bool { a.hash == b.hash && a.bytes == b.bytes }
    }

    /// Rows asked whether they open a table: the headers with their kind, and the rows that
    /// are none (a template's rows above its header — subject, maximum score, task levels —
    /// come again in every file, and folding their cells to find them no header was most
    /// of the cost of asking). One lock for both: one acquisition per row asked.
    private struct Kinds {
        var headers: [Key: TableKind] = [:]
        var nonHeaders: Set<Key> = []
    }

    private let kinds = LockedValue(Kinds())
    private let columns = LockedValue<[Key: VPRColumns]>([:])
    private let titles = LockedValue<[Key: SittingNameParser.Parsed]>([:])
    private let canonicalSubjects = LockedValue<[Key: String?]>([:])
    /// Entries kept per table: a batch of hostile files with ever-new headers must not grow
    /// the memo without bound.
    static let capacity = 4096

    init() {}

    /// ``VPRColumns`` of a header row, `key` the row's ``Key``.
    func columns(header: [String], key: Key) -> VPRColumns {
        Self.recall(key, in: columns) { VPRColumns(header: header) }
    }

    /// The kind of table the row with `key` is the header of, `recognise()` for a row not
    /// seen before (every row above the header is asked). Headers and the rows that are
    /// none are kept apart, each up to ``capacity``: rows of a file's own (a school's name
    /// in two cells) may fill the second, never crowd out the headers.
    func headerKind(of key: Key, recognise: () -> TableKind?) -> TableKind? {
        let (known, isNone) = kinds.withLock { ($0.headers[key], $0.nonHeaders.contains(key)) }
        if let known { return known }
        if isNone { return nil }
        guard let kind = recognise() else {
            kinds.withLock { if $0.nonHeaders.count < Self.capacity { $0.nonHeaders.insert(key) } }
            return nil
        }
        kinds.withLock { if $0.headers.count < Self.capacity { $0.headers[key] = kind } }
        return kind
    }

    /// `parser.parse(text)`.
    func parse(_ text: String, with parser: SittingNameParser) -> SittingNameParser.Parsed {
        Self.recall(Key(Array(text.utf8)), in: titles) { parser.parse(text) }
    }

    /// `subjects`' spelling of `subject`, nil when it does not know it.
    func canonical(_ subject: String, in subjects: SubjectCatalogue) -> String? {
        Self.recall(Key(Array(subject.utf8)), in: canonicalSubjects) { subjects.canonical(subject) }
    }

    /// Whether `subjects` knows `subject`.
    func isKnown(_ subject: String, in subjects: SubjectCatalogue) -> Bool {
        canonical(subject, in: subjects) != nil
    }

    /// The value kept for `key` in `table`, else `make()` kept there (while there is room).
    /// `make` runs outside the lock: two threads may both make a value, never a different one.
    private static func recall<Value: Sendable>(_ key: Key, in table: LockedValue<[Key: Value]>, make: () -> Value) -> Value {
        if let known = table.withLock({ $0[key] }) { return known }
        let made = make()
        table.withLock { if $0.count < capacity { $0[key] = made } }
        return made
    }
}
