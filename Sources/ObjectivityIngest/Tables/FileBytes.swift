import Foundation

/// Reads a whole regular file into memory with one allocation, refusing anything that is
/// not a regular file (a symlink, a FIFO, a device) or is larger than a limit.
enum FileBytes {
    enum Failure: Error {
        case tooLarge(Int)
        case notARegularFile
        case system(Int32)
    }

    static func read(path: String, limit: Int) -> Result<[UInt8], Failure> {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return .failure(errno == ELOOP ? .notARegularFile : .system(errno)) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(.system(errno)) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { return .failure(.notARegularFile) }
        let size = Int(info.st_size)
        guard size <= limit else { return .failure(.tooLarge(size)) }
        var failure: Failure?
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            var done = 0
            while done < size {
                let n = Foundation.read(fd, buffer.baseAddress! + done, size - done)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = .system(errno)
                    break
                }
                if n == 0 { break }  // truncated while reading: keep what is there
                done += n
            }
            count = done
        }
        if let failure { return .failure(failure) }
        return .success(bytes)
    }
}
