public import Foundation
internal import Crypto

/// Claiming an upload by renaming it out of the inbox, and its content hash.
///
/// The rename is the claim: a file in `processing/` belongs to the daemon, and one left
/// there by a crash is taken up again at start-up. Claimed names carry a sequence prefix
/// so that two uploads of the same name never collide.
public enum UploadClaim {
    /// Moves `upload` into `processing/` as `NNNNNNNN-NAME`; nil if it vanished meanwhile.
    public static func claim(_ upload: URL, into processing: URL, sequence: Int) -> URL? {
        let target = processing.appendingPathComponent(String(format: "%08d-", sequence) + upload.lastPathComponent)
        guard rename(upload.path, target.path) == 0 else { return nil }
        return target
    }

    /// The name the uploader gave, without the claim prefix.
    public static func originalName(of claimed: URL) -> String {
        let name = claimed.lastPathComponent
        guard name.count > 9, name.prefix(8).allSatisfy(\.isNumber), name.dropFirst(8).first == "-" else { return name }
        return String(name.dropFirst(9))
    }

    /// SHA-256 of the file's bytes, lowercase hex, read in 1 MiB blocks.
    public static func sha256(of url: URL) throws -> String {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        var hasher = SHA256()
        while let block = try handle.read(upToCount: 1 << 20), !block.isEmpty { hasher.update(data: block) }
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }
}
