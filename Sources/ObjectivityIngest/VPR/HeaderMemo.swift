import ObjectivityCore
import Synchronization

/// Interpretations of Ф1 header rows and sitting titles already made in this batch.
///
/// A national batch holds a hundred thousand Ф1 files written from a dozen templates:
/// their header rows and title cells repeat file after file, while classifying a header
/// (folding, task labels) and parsing a title (tokens, catalogue lookups) go through
/// Unicode string operations that cost more than reading the file's rows. Both are pure
/// functions of their text, so each distinct text is interpreted once and shared by the
/// reading threads.
final class HeaderMemo: Sendable {
    private let columns = Mutex<[[UInt8]: VPRColumns]>([:])
    private let titles = Mutex<[[UInt8]: SittingNameParser.Parsed]>([:])
    private let knownSubjects = Mutex<[[UInt8]: Bool]>([:])
    /// Entries kept per table: a batch of hostile files with ever-new headers must not grow
    /// the memo without bound.
    static let capacity = 4096

    init() {}

    /// ``VPRColumns`` of a header row.
    func columns(header: [String]) -> VPRColumns {
        var key: [UInt8] = []
        for cell in header {
            key.append(contentsOf: cell.utf8)
            key.append(0x1F)
        }
        if let known = columns.withLock({ $0[key] }) { return known }
        let made = VPRColumns(header: header)
        columns.withLock { if $0.count < Self.capacity { $0[key] = made } }
        return made
    }

    /// `parser.parse(text)`.
    func parse(_ text: String, with parser: SittingNameParser) -> SittingNameParser.Parsed {
        let key = Array(text.utf8)
        if let known = titles.withLock({ $0[key] }) { return known }
        let made = parser.parse(text)
        titles.withLock { if $0.count < Self.capacity { $0[key] = made } }
        return made
    }

    /// Whether `subjects` knows `subject`.
    func isKnown(_ subject: String, in subjects: SubjectCatalogue) -> Bool {
        let key = Array(subject.utf8)
        if let known = knownSubjects.withLock({ $0[key] }) { return known }
        let made = subjects.canonical(subject) != nil
        knownSubjects.withLock { if $0.count < Self.capacity { $0[key] = made } }
        return made
    }
}
