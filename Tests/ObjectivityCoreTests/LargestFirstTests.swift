import ObjectivityCore
import Testing

@Suite struct LargestFirstTests {
    @Test func order_isBySizeDescending_tiesInIndexOrder() {
        #expect(LargestFirst.order([3, 9, 3, 1, 9]) == [1, 4, 0, 2, 3])
        #expect(LargestFirst.order([]) == [])
    }

    /// Two cores taking the next job as each becomes free: a large job left for last in
    /// index order finishes late; started first, it runs beside the small ones.
    @Test func order_shortensTheLastJobsTail() {
        let sizes = [2, 2, 2, 2, 8]
        func makespan(_ order: [Int]) -> Int {
            var free = [0, 0]
            for job in order {
                let core = free[0] <= free[1] ? 0 : 1
                free[core] += sizes[job]
            }
            return free.max()!
        }
        #expect(makespan(Array(sizes.indices)) == 12)
        #expect(makespan(LargestFirst.order(sizes)) == 8)
    }

    @Test func perform_runsEveryJobOnce() {
        let runs = LockedValue([Int](repeating: 0, count: 9))
        LargestFirst.perform(sizes: [5, 1, 9, 9, 0, 3, 7, 2, 2]) { i in runs.withLock { $0[i] += 1 } }
        #expect(runs.withLock { $0 } == [Int](repeating: 1, count: 9))
    }
}
