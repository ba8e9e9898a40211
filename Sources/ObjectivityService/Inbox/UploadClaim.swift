public import Foundation
internal import Crypto

/// Claiming an upload by renaming it out of the inbox, and its content hash.
///
/// The rename is the claim: a file in `processing/` belongs to the daemon, and one left
/// there by a crash is taken up again at start-up. Claimed names carry a sequence prefix
/// so that two uploads of the same name never collide.
public enum UploadClaim {
    /// Where `upload` goes when claimed with `sequence`: `processing/NNNNNNNN-NAME`, NAME
    /// made safe by ``UploadName``.
    public static func target(for upload: URL, in processing: URL, sequence: Int) -> URL {
        processing.appendingPathComponent(String(format: "%08d-", sequence) + UploadName.safe(upload.lastPathComponent))
    }

    /// Moves `upload` into `processing/` as `NNNNNNNN-NAME`; nil if it vanished meanwhile.
    /// Links, pipes and folders are claimed too (the rename does not follow them), to be set
    /// aside by the daemon.
    public static func claim(_ upload: URL, into processing: URL, sequence: Int) -> URL? {
        let target = target(for: upload, in: processing, sequence: sequence)
        guard rename(upload.path, target.path) == 0 else { return nil }
        return target
    }

    /// The name the uploader gave, without the claim prefix.
    public static func originalName(of claimed: URL) -> String {
        let name = claimed.lastPathComponent
        guard name.count > 9, name.prefix(8).allSatisfy(\.isNumber), name.dropFirst(8).first == "-" else { return name }
        return String(name.dropFirst(9))
    }

    /// What `url` itself is (not what a link points at).
    public enum EntryKind: Sendable, Equatable {
        case regularFile
        /// A link, folder, pipe, socket or device.
        case other
        /// Gone: removed after it was claimed.
        case missing
    }

    public static func kind(of url: URL) -> EntryKind {
        var info = stat()
        guard lstat(url.path, &info) == 0 else { return .missing }
        return (info.st_mode & S_IFMT) == S_IFREG ? .regularFile : .other
    }

    /// SHA-256 of the file's bytes, lowercase hex, read in 1 MiB blocks. Opens without
    /// following a link and without blocking on a pipe.
    public static func sha256(of url: URL) throws -> String {
        let descriptor = open(url.path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        defer { try? handle.close() }
        var hasher = SHA256()
        while let block = try handle.read(upToCount: 1 << 20), !block.isEmpty { hasher.update(data: block) }
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }
}
