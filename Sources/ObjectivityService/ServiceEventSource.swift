public import Dispatch

/// What wakes the daemon, in one place for every way of running it: inotify on the inbox
/// (a finished upload, or a rescan after lost events) and a tick four times a second for
/// the debounce, watchdog and rescan clocks. Signals are the caller's (a terminal demo and
/// a systemd service answer them differently).
public final class ServiceEventSource {
    public let events: AsyncStream<ServiceDaemon.Event>
    public let continuation: AsyncStream<ServiceDaemon.Event>.Continuation
    private let watcher: InotifyWatcher
    private let ticker: Task<Void, Never>

    /// Starts watching `inbox` (the state directory's `inbox/`, which must exist).
    public init(inbox: String, queue: DispatchQueue) throws {
        let (events, continuation) = AsyncStream<ServiceDaemon.Event>.makeStream(bufferingPolicy: .bufferingNewest(1024))
        self.events = events
        self.continuation = continuation
        watcher = try InotifyWatcher(directory: inbox, queue: queue) { event in
            switch event {
            case .file(let name) where InboxScanner.isUpload(name): continuation.yield(.upload)
            case .file: break
            case .overflow: continuation.yield(.rescan)
            }
        }
        ticker = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: .milliseconds(250))
                continuation.yield(.tick)
            }
        }
    }

    /// Stops the watcher and the ticker.
    public func cancel() {
        ticker.cancel()
        watcher.cancel()
    }
}
