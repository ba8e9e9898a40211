public import Foundation

/// Writes an output so that a reader never sees it half-written: a temporary dot-file in
/// the same directory, fsync, rename over the final name, fsync of the directory.
/// Consumers ignore dot-files (DESIGN.md), and a crash leaves either the old file or the new.
public enum AtomicFileWriter {
    /// Bytes gathered before each write(2).
    static let chunk = 1 << 20
    /// Bytes written between two starts of the disk's writeback.
    static let writebackStride = 32 << 20

    public struct Failure: Error, Sendable, CustomStringConvertible {
        public let path: String
        public let code: Int32
        public var description: String { "\(path): \(String(cString: strerror(code)))" }
    }

    /// Replaces the file at `url` with `bytes`, with `permissions` (default 0640: readable
    /// by the operators' group).
    public static func write(_ bytes: [UInt8], to url: URL, permissions: mode_t = 0o640) throws(Failure) {
        try write(pieces: CollectionOfOne(bytes), to: url, permissions: permissions)
    }

    /// The same for an output made piece by piece (a line per unit): the pieces are
    /// gathered into writes of about a megabyte, so the whole file is never in memory.
    public static func write<Pieces: Sequence>(pieces: Pieces, to url: URL, permissions: mode_t = 0o640) throws(Failure)
    where Pieces.Element: ContiguousBytes {
        let directory = url.deletingLastPathComponent().path
        let temporary = directory + "/." + url.lastPathComponent + ".tmp-\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, permissions)
        guard fd >= 0 else { throw Failure(path: temporary, code: errno) }
        // Writeback is started every `writebackStride` bytes, so the disk works while the
        // next lines are made and the fsync at the end waits for the last stride only (a
        // national units.jsonl of 2.4 GB waited 3 s). POSIX_FADV_DONTNEED is what starts it
        // on Linux (asynchronously), and lets the pages go once they are on disk: nothing
        // reads the file back.
        var written = 0, startedWriteback = 0
        func flush(_ bytes: UnsafeRawBufferPointer) -> Int32? {
            var done = 0
            while done < bytes.count {
                let n = Foundation.write(fd, bytes.baseAddress! + done, bytes.count - done)
                if n < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                done += n
            }
            written += done
            if written - startedWriteback >= Self.writebackStride {
                _ = posix_fadvise(fd, off_t(startedWriteback), off_t(written - startedWriteback), POSIX_FADV_DONTNEED)
                startedWriteback = written
            }
            return nil
        }
        var buffer: [UInt8] = []
        buffer.reserveCapacity(Self.chunk + 65_536)
        for piece in pieces {
            let failure = piece.withUnsafeBytes { piece -> Int32? in
                let large = buffer.isEmpty && piece.count >= Self.chunk  // written as it is, not copied
                if !large { buffer.append(contentsOf: piece) }
                guard large || buffer.count >= Self.chunk else { return nil }
                defer { buffer.removeAll(keepingCapacity: true) }
                return large ? flush(piece) : buffer.withUnsafeBytes(flush)
            }
            if let code = failure {
                close(fd)
                unlink(temporary)
                throw Failure(path: temporary, code: code)
            }
        }
        if let code = buffer.withUnsafeBytes(flush) {
            close(fd)
            unlink(temporary)
            throw Failure(path: temporary, code: code)
        }
        if fsync(fd) != 0 || fchmod(fd, permissions) != 0 {
            let code = errno
            close(fd)
            unlink(temporary)
            throw Failure(path: temporary, code: code)
        }
        close(fd)
        guard rename(temporary, url.path) == 0 else {
            let code = errno
            unlink(temporary)
            throw Failure(path: url.path, code: code)
        }
        let dir = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dir >= 0 {
            fsync(dir)
            close(dir)
        }
    }
}
