public import Foundation
public import ObjectivityCore
public import ObjectivityIngest
internal import ObjectivityReports

/// Takes one claimed file from `processing/` to its end: the store and `archive/`, or
/// `rejected/` with `NAME.error.txt`, or `archive/duplicates/` when its content was seen.
///
/// Exactly once across crashes: the ledger row and the file's rows are one transaction;
/// the move out of `processing/` comes after it. A file found in `processing/` whose hash
/// is in the ledger was taken in before a crash: it is only moved where the ledger says,
/// never read again.
public struct UploadProcessor: Sendable {
    public let directories: ServiceDirectories
    public let store: StateStore
    public let reader: InputFileReader

    public init(directories: ServiceDirectories, store: StateStore, reader: InputFileReader) {
        self.directories = directories
        self.store = store
        self.reader = reader
    }

    /// What became of a file.
    public enum Outcome: Sendable, Equatable {
        /// Taken in; the sittings whose works changed, or `contextChanged` for a registry or ГИА file.
        case accepted(sittings: Set<SittingKey>, contextChanged: Bool, skippedRows: Int)
        /// A commission's returned recheck list: nothing to re-analyse, the outcome loop to update.
        case acceptedOutcomes(skippedRows: Int)
        case rejected(reason: String)
        case duplicate
        /// Taken in before a crash; only moved now.
        case recovered
        /// Removed from `processing/` after it was claimed: nothing to read or keep.
        case vanished
    }

    public func process(_ claimed: URL, now: Date = Date()) throws -> Outcome {
        let name = UploadClaim.originalName(of: claimed)
        switch UploadClaim.kind(of: claimed) {
        case .regularFile: break
        case .missing: return .vanished
        case .other:
            setAside(claimed, russian: "это не обычный файл, а ссылка, каталог, канал или устройство; он не открывался",
                     english: "not a regular file but a link, folder, pipe or device; it was not opened")
            return .rejected(reason: "not_a_regular_file")
        }
        let sha = try UploadClaim.sha256(of: claimed)
        if let status = try store.status(sha256: sha) {
            let archived = archivedURL(sha: sha, name: name)
            if status == "rejected" {
                if FileManager.default.fileExists(atPath: rejectedURL(name: name, sha: sha).path) {
                    try move(claimed, to: unique(directories.duplicates.appendingPathComponent(name)))
                    return .duplicate
                }
                try move(claimed, to: rejectedURL(name: name, sha: sha))
                return .recovered
            }
            if FileManager.default.fileExists(atPath: archived.path) {
                try move(claimed, to: unique(directories.duplicates.appendingPathComponent(name)))
                return .duplicate
            }
            try move(claimed, to: archived)
            return .recovered
        }
        let report = reader.read(url: claimed)
        if let error = report.error {
            var described = error
            described.file = name
            let rejected = rejectedURL(name: name, sha: sha)
            try AtomicFileWriter.write(Array(described.report.utf8), to: rejected.appendingPathExtension("error.txt"))
            try store.recordRejected(sha256: sha, name: name, at: now)
            try move(claimed, to: rejected)
            return .rejected(reason: error.code.rawValue)
        }
        guard let content = report.content else { return .rejected(reason: "unreadable") }
        let stored: StoredContent
        var sittings: Set<SittingKey> = [], contextChanged = false
        switch content {
        case .vprResults(let file):
            stored = .works(file.batch, skippedRows: file.issues.skippedRows)
            sittings.insert(file.key)
        case .giaResults(let file):
            stored = .gia(file.results, skippedRows: file.issues.skippedRows)
            contextChanged = true
        case .schoolRegistry(let file):
            stored = .registry(file.schools, skippedRows: file.issues.skippedRows)
            contextChanged = true
        case .recheckOutcomes(let file):
            stored = .recheck(file.outcomes, skippedRows: file.issues.skippedRows)
        }
        let archived = archivedURL(sha: sha, name: name)
        if content.issues.skippedRows > 0 {
            try AtomicFileWriter.write(Array(Self.warnings(content.issues, file: name).utf8), to: archived.appendingPathExtension("warnings.txt"))
        }
        try store.recordAccepted(sha256: sha, name: name, at: now, content: stored)
        try move(claimed, to: archived)
        if case .recheck = stored { return .acceptedOutcomes(skippedRows: stored.skippedRows) }
        return .accepted(sittings: sittings, contextChanged: contextChanged, skippedRows: stored.skippedRows)
    }

    /// Moves a file that could not be processed at all to `rejected/` with
    /// `NAME.error.txt` giving the system's reason; failures here are only logged by the caller.
    public func setAside(_ claimed: URL, russian: String, english: String) {
        let name = UploadClaim.originalName(of: claimed)
        let target = unique(directories.rejected.appendingPathComponent(name))
        let text = "Файл \(name) не удалось прочитать: \(russian)\nFile \(name) could not be read: \(english)\n"
        try? AtomicFileWriter.write(Array(text.utf8), to: target.appendingPathExtension("error.txt"))
        _ = rename(claimed.path, target.path)
    }

    /// The warning file of a partly read upload: which rows were skipped and why.
    static func warnings(_ issues: RowIssues, file: String) -> String {
        var lines = ["Файл \(file) принят частично: пропущено строк — \(issues.skippedRows).",
                     "File \(file) accepted in part: \(issues.skippedRows) rows skipped.", ""]
        for sample in issues.samples {
            var located = sample
            located.file = file
            lines.append(located.description)
        }
        if issues.samples.count < issues.skippedRows {
            lines.append("… и ещё \(issues.skippedRows - issues.samples.count) / and \(issues.skippedRows - issues.samples.count) more")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func archivedURL(sha: String, name: String) -> URL {
        directories.archive.appendingPathComponent("\(sha.prefix(16))-\(name)")
    }

    private func rejectedURL(name: String, sha: String) -> URL {
        directories.rejected.appendingPathComponent("\(sha.prefix(8))-\(name)")
    }

    /// `url` itself, or `url` with «-2», «-3»… before the extension if taken.
    private func unique(_ url: URL) -> URL {
        var candidate = url, n = 2
        while FileManager.default.fileExists(atPath: candidate.path) {
            candidate = url.deletingPathExtension().appendingPathExtension("\(n)").appendingPathExtension(url.pathExtension)
            n += 1
        }
        return candidate
    }

    private func move(_ from: URL, to: URL) throws {
        guard rename(from.path, to.path) == 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: to.path])
        }
    }
}
