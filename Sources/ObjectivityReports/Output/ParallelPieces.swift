import Dispatch
import Foundation
import ObjectivityCore

/// The bytes of many items — a line each — made on all cores and handed out in order, a
/// block of items per piece: what ``AtomicFileWriter/write(pieces:to:permissions:)``
/// takes. The next round of blocks (one per core) is being made while the caller writes
/// the current one, so formatting and writing overlap; only two rounds exist at a time, so
/// a national `units.jsonl` of two gigabytes is never in memory.
public struct ParallelPieces<Item: Sendable>: Sequence, Sendable {
    private let items: [Item]
    private let block: Int
    private let append: @Sendable (Item, ByteBuffer) -> Void

    /// - Parameters:
    ///   - block: items per piece (a few thousand keeps a piece near ten megabytes).
    ///   - append: appends one item's bytes to a piece; called from any thread.
    public init(_ items: [Item], block: Int = 4096, append: @escaping @Sendable (Item, ByteBuffer) -> Void) {
        self.items = items
        self.block = Swift.max(1, block)
        self.append = append
    }

    /// One round of blocks being made on the global queue.
    fileprivate final class Round: Sendable {
        let group = DispatchGroup()
        let blocks: OrderedResults<[UInt8]>
        /// Index of the first item after the round.
        let end: Int

        init(of pieces: ParallelPieces, from start: Int) {
            let cores = Swift.max(1, ProcessInfo.processInfo.activeProcessorCount)
            let count = Swift.min(cores, (pieces.items.count - start + pieces.block - 1) / pieces.block)
            blocks = OrderedResults(count: count)
            end = Swift.min(pieces.items.count, start + count * pieces.block)
            let made = blocks
            for b in 0..<count {
                DispatchQueue.global().async(group: group) {
                    let lower = start + b * pieces.block, upper = Swift.min(pieces.items.count, lower + pieces.block)
                    // Room for the block at a quarter above its first line's size times its
                    // lines: grown by doubling, a block of ten megabytes was copied and
                    // faulted into fresh pages some ten times over.
                    let bytes = ByteBuffer()
                    pieces.append(pieces.items[lower], bytes)
                    bytes.reserve(bytes.count * (upper - lower - 1) * 5 / 4)
                    for i in (lower + 1)..<upper { pieces.append(pieces.items[i], bytes) }
                    made.store(bytes.bytes, at: b)
                }
            }
        }
    }

    public struct Iterator: IteratorProtocol {
        fileprivate let pieces: ParallelPieces
        fileprivate var coming: Round?
        fileprivate var ready: [[UInt8]] = []

        public mutating func next() -> [UInt8]? {
            if ready.isEmpty {
                guard let round = coming else { return nil }
                round.group.wait()
                ready = round.blocks.take().reversed()
                coming = round.end < pieces.items.count ? Round(of: pieces, from: round.end) : nil
            }
            return ready.popLast()
        }
    }

    public func makeIterator() -> Iterator {
        Iterator(pieces: self, coming: items.isEmpty ? nil : Round(of: self, from: 0))
    }
}
