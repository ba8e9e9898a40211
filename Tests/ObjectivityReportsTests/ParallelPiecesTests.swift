@testable import ObjectivityReports
import Testing

/// Lines made on several threads come out whole and in order, whatever the block size.
@Suite struct ParallelPiecesTests {
    @Test(arguments: [1, 7, 4096, 20_000])
    func pieces_joinToTheLinesInOrder(block: Int) {
        let items = Array(0..<10_001)
        let line: @Sendable (Int) -> [UInt8] = { Array("\($0)\n".utf8) }
        let pieces = ParallelPieces(items, block: block) { item, piece in
            let bytes = line(item)
            bytes.withUnsafeBufferPointer { bytes in piece.write(atMost: bytes.count) { $0.bytes(bytes) } }
        }.map(\.bytes)
        #expect(pieces.flatMap { $0 } == items.flatMap(line))
        #expect(pieces.count == (items.count + block - 1) / block)
    }

    /// Pieces kept by the consumer are not reused for later blocks (pieces let go are,
    /// and the test above reads each one before letting it go).
    @Test func keptPieces_stayIntact() {
        let items = Array(0..<5_000)
        let line: @Sendable (Int) -> [UInt8] = { Array("\($0)\n".utf8) }
        let kept = Array(ParallelPieces(items, block: 3) { item, piece in
            let bytes = line(item)
            bytes.withUnsafeBufferPointer { bytes in piece.write(atMost: bytes.count) { $0.bytes(bytes) } }
        })
        #expect(kept.flatMap(\.bytes) == items.flatMap(line))
        #expect(Set(kept.map(ObjectIdentifier.init)).count == kept.count)
    }

    @Test func noItems_noPieces() {
        #expect(Array(ParallelPieces([Int](), append: { _, piece in piece.write(atMost: 1) { $0.byte(0) } })).isEmpty)
    }
}
