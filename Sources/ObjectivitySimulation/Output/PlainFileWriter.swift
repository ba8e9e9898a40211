import Foundation

/// Writes a simulated file with plain POSIX calls: no fsync, no temporary name.
///
/// The simulator writes hundreds of thousands of files that can be made again from the
/// seed; durability is not worth an fsync each (Foundation's `Data.write` pays one).
/// The service's own outputs use the temp-name, fsync, rename discipline instead.
enum PlainFileWriter {
    struct Failure: Error, CustomStringConvertible {
        let path: String
        let code: Int32
        var description: String { "\(path): \(String(cString: strerror(code)))" }
    }

    static func write(_ bytes: [UInt8], to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw Failure(path: path, code: errno) }
        defer { close(fd) }
        try bytes.withUnsafeBytes { raw in
            var done = 0
            while done < raw.count {
                let n = Foundation.write(fd, raw.baseAddress! + done, raw.count - done)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw Failure(path: path, code: errno)
                }
                done += n
            }
        }
    }
}
