internal import Synchronization

/// A stop request that any thread may raise (a signal handler) and any job may poll (a
/// sitting about to be analysed), so that SIGTERM is honoured within seconds even in the
/// middle of a long analysis.
public final class StopFlag: Sendable {
    private let raised = Atomic<Bool>(false)

    public init() {}

    public func raise() { raised.store(true, ordering: .relaxed) }
    public var isRaised: Bool { raised.load(ordering: .relaxed) }
}
