import Dispatch

/// The order in which to start jobs of unequal size on a few cores: the largest first
/// (Graham's longest-processing-time rule). `DispatchQueue.concurrentPerform` hands out
/// iterations in index order, so a large job that happens to come last keeps one core
/// busy while the other waits: at national size the last sittings' analysis ran on one
/// core for about two seconds.
public enum LargestFirst {
    /// Job indices by decreasing `sizes` (any measure of work, such as works or units);
    /// equal sizes keep index order, so the order is the same on every run.
    public static func order(_ sizes: [Int]) -> [Int] {
        sizes.indices.sorted { (sizes[$0], $1) > (sizes[$1], $0) }
    }

    /// Runs `body` once for each job index 0..<`sizes.count` on all cores, the jobs
    /// started in ``order(_:)``; returns when every job has run.
    public static func perform(sizes: [Int], _ body: @Sendable (Int) -> Void) {
        let order = order(sizes)
        DispatchQueue.concurrentPerform(iterations: order.count) { body(order[$0]) }
    }
}
