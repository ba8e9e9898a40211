public import Foundation

/// Writes an output so that a reader never sees it half-written: a temporary dot-file in
/// the same directory, fsync, rename over the final name, fsync of the directory.
/// Consumers ignore dot-files (DESIGN.md), and a crash leaves either the old file or the new.
public enum AtomicFileWriter {
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public let path: String
        public let code: Int32
        public var description: String { "\(path): \(String(cString: strerror(code)))" }
    }

    /// Replaces the file at `url` with `bytes`, with `permissions` (default 0640: readable
    /// by the operators' group).
    public static func write(_ bytes: [UInt8], to url: URL, permissions: mode_t = 0o640) throws(Failure) {
        let directory = url.deletingLastPathComponent().path
        let temporary = directory + "/." + url.lastPathComponent + ".tmp-\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, permissions)
        guard fd >= 0 else { throw Failure(path: temporary, code: errno) }
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBytes { Foundation.write(fd, $0.baseAddress! + done, bytes.count - done) }
            if n < 0 {
                if errno == EINTR { continue }
                let code = errno
                close(fd)
                unlink(temporary)
                throw Failure(path: temporary, code: code)
            }
            done += n
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
