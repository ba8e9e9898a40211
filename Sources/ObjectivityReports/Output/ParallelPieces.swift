import Dispatch
import Foundation
import ObjectivityCore

/// The bytes of many items — a line each — made on all cores and handed out in order, a
/// block of items per piece (a ``ByteBuffer``, written as it lies): what ``AtomicFileWriter/write(pieces:to:permissions:)``
/// takes. Blocks are made a few ahead of the one being written, each started as soon as
/// an earlier one is handed out, so formatting and writing overlap and no core waits for
/// a slower block of its round (rounds of one block per core left a national scan's
/// writing stage at 160 % of two cores). Only ``ahead`` blocks exist at a time, so a
/// national `units.jsonl` of two gigabytes is never in memory.
///
/// A piece the consumer has let go by the time it asks for the next one is made again
/// into a later block: new blocks of ten megabytes were a third of a scan's page faults,
/// every byte of `units.jsonl` written into a freshly mapped page. A piece the consumer
/// keeps is never reused (its reference is not the only one).
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

    /// Blocks being made or made and not yet handed out: two per core, so that every core
    /// has a block to make while the writer takes the oldest.
    static var ahead: Int { 2 * Swift.max(1, ProcessInfo.processInfo.activeProcessorCount) }

    private var blockCount: Int { (items.count + block - 1) / block }

    /// The blocks of one pass over the items, each made on the global queue and signalled
    /// when stored.
    fileprivate final class Blocks: Sendable {
        let made: OrderedResults<ByteBuffer>
        let done: [DispatchSemaphore]
        private let pieces: ParallelPieces
        /// Pieces let go by the consumer, emptied, for the blocks still to be made.
        private let spare = LockedValue<[ByteBuffer]>([])

        init(of pieces: ParallelPieces) {
            self.pieces = pieces
            made = OrderedResults(count: pieces.blockCount)
            done = (0..<pieces.blockCount).map { _ in DispatchSemaphore(value: 0) }
        }

        /// Starts making block `b`.
        func start(_ b: Int) {
            DispatchQueue.global().async { [self] in
                let lower = b * pieces.block, upper = Swift.min(pieces.items.count, lower + pieces.block)
                // Room for the block at a quarter above its first line's size times its
                // lines: grown by doubling, a block of ten megabytes was copied and faulted
                // into fresh pages some ten times over.
                let bytes = spare.withLock { $0.popLast() } ?? ByteBuffer()
                pieces.append(pieces.items[lower], bytes)
                bytes.reserve(bytes.count * (upper - lower - 1) * 5 / 4)
                for i in (lower + 1)..<upper { pieces.append(pieces.items[i], bytes) }
                made.store(bytes, at: b)
                done[b].signal()
            }
        }

        /// Takes back a piece nothing else refers to.
        func recycle(_ piece: ByteBuffer) {
            piece.removeAll()
            spare.withLock { $0.append(piece) }
        }
    }

    public struct Iterator: IteratorProtocol {
        fileprivate let blocks: Blocks
        /// The block handed out next.
        fileprivate var position = 0
        /// The piece handed out last, reused if the consumer has let it go.
        fileprivate var previous: ByteBuffer?

        public mutating func next() -> ByteBuffer? {
            if previous != nil, isKnownUniquelyReferenced(&previous!) { blocks.recycle(previous!) }
            previous = nil
            guard position < blocks.done.count else { return nil }
            blocks.done[position].wait()
            let piece = blocks.made.take(at: position)
            if position + ParallelPieces.ahead < blocks.done.count { blocks.start(position + ParallelPieces.ahead) }
            position += 1
            previous = piece
            return piece
        }
    }

    public func makeIterator() -> Iterator {
        let blocks = Blocks(of: self)
        for b in 0..<Swift.min(Self.ahead, blockCount) { blocks.start(b) }
        return Iterator(blocks: blocks)
    }
}
