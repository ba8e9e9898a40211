#if canImport(Glibc)
import Glibc
#endif
public import Dispatch

/// Watches a directory with inotify for finished uploads: a file renamed into it
/// (`IN_MOVED_TO`, the upload contract) or closed after writing (`IN_CLOSE_WRITE`, for
/// uploaders that write in place). `IN_Q_OVERFLOW` means events were lost: the handler is
/// told to rescan the whole directory.
public final class InotifyWatcher {
    public enum Event: Sendable, Equatable {
        case file(String)
        case overflow
    }

    private let descriptor: Int32
    private let source: any DispatchSourceRead

    /// Starts watching `directory`; `handler` runs on `queue` for every event.
    public init(directory: String, queue: DispatchQueue, handler: @escaping @Sendable (Event) -> Void) throws {
        let fd = inotify_init1(Int32(IN_NONBLOCK) | Int32(IN_CLOEXEC))
        guard fd >= 0 else { throw WatchError(code: errno) }
        guard inotify_add_watch(fd, directory, UInt32(IN_MOVED_TO) | UInt32(IN_CLOSE_WRITE)) >= 0 else {
            let code = errno
            close(fd)
            throw WatchError(code: code)
        }
        descriptor = fd
        source = DispatchSource.makeReadSource(fileDescriptor: fd, queue: queue)
        source.setEventHandler {
            var buffer = [UInt8](repeating: 0, count: 64 * 1024)
            while true {
                let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                guard count > 0 else { break }
                var offset = 0
                while offset + MemoryLayout<inotify_event>.size <= count {
                    let (mask, length) = buffer.withUnsafeBytes { raw -> (UInt32, Int) in
                        let event = raw.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                        return (event.mask, Int(event.len))
                    }
                    let nameStart = offset + MemoryLayout<inotify_event>.size
                    if mask & UInt32(IN_Q_OVERFLOW) != 0 {
                        handler(.overflow)
                    } else if length > 0 {
                        let bytes = buffer[nameStart..<(nameStart + length)].prefix { $0 != 0 }
                        handler(.file(String(decoding: bytes, as: UTF8.self)))
                    }
                    offset = nameStart + length
                }
            }
        }
        source.setCancelHandler { close(fd) }
        source.resume()
    }

    public func cancel() { source.cancel() }

    public struct WatchError: Error, Sendable, CustomStringConvertible {
        public let code: Int32
        public var description: String { "inotify: \(String(cString: strerror(code)))" }
    }
}
