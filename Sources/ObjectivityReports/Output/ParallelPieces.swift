public import Dispatch
import Foundation
import ObjectivityCore

/// The bytes of many items — a line each — made on all cores and handed out in order, a
/// block of items per piece: what ``AtomicFileWriter/write(pieces:to:permissions:)``
/// takes. Only a few blocks exist at a time (one per core), so a national `units.jsonl`
/// of a gigabyte is never in memory, yet formatting its 600,000 lines is not left to one
/// core.
public struct ParallelPieces<Item: Sendable>: Sequence, Sendable {
    private let items: [Item]
    private let block: Int
    private let make: @Sendable (Item) -> [UInt8]

    /// - Parameters:
    ///   - block: items per piece (a few thousand keeps a piece near a megabyte).
    ///   - make: one item's bytes; called from any thread.
    public init(_ items: [Item], block: Int = 4096, make: @escaping @Sendable (Item) -> [UInt8]) {
        self.items = items
        self.block = Swift.max(1, block)
        self.make = make
    }

    public struct Iterator: IteratorProtocol {
        fileprivate let pieces: ParallelPieces
        fileprivate var position = 0
        fileprivate var ready: [[UInt8]] = []

        public mutating func next() -> [UInt8]? {
            if ready.isEmpty {
                let start = position
                guard start < pieces.items.count else { return nil }
                let cores = Swift.max(1, ProcessInfo.processInfo.activeProcessorCount)
                let blocks = Swift.min(cores, (pieces.items.count - start + pieces.block - 1) / pieces.block)
                let made = OrderedResults<[UInt8]>(count: blocks)
                let p = pieces
                DispatchQueue.concurrentPerform(iterations: blocks) { b in
                    let lower = start + b * p.block, upper = Swift.min(p.items.count, lower + p.block)
                    var bytes: [UInt8] = []
                    for i in lower..<upper { bytes += p.make(p.items[i]) }
                    made.store(bytes, at: b)
                }
                ready = made.take().reversed()
                position = Swift.min(pieces.items.count, start + blocks * pieces.block)
            }
            return ready.popLast()
        }
    }

    public func makeIterator() -> Iterator { Iterator(pieces: self) }
}
