import Foundation
import ObjectivityReports
import ObjectivityTesting
import Testing

/// An output is whole, in order and alone in its directory when written, however many
/// writes and writeback starts it took; a failed write leaves the old file.
@Suite struct AtomicFileWriterTests {
    @Test func piecesOverSeveralWritebackStrides_areTheFileByteForByte() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("units.jsonl")
        // 80 MB in pieces of every size around the write chunk: some gathered, some written as they are.
        let sizes = (0..<120).map { [1_000, 300_000, 1 << 20, 3 << 20][$0 % 4] + $0 }
        let pieces = sizes.enumerated().map { i, size in [UInt8](repeating: UInt8(i % 251), count: size) }
        try AtomicFileWriter.write(pieces: pieces, to: url)

        let written = try [UInt8](Data(contentsOf: url))
        #expect(written.count == sizes.reduce(0, +))
        #expect(written == pieces.flatMap { $0 })
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["units.jsonl"])
        let permissions = try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int
        #expect(permissions == 0o640)
    }

    @Test func missingDirectory_throwsAndLeavesNothing() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try AtomicFileWriter.write(Array("old\n".utf8), to: directory.appendingPathComponent("alerts.jsonl"))
        #expect(throws: AtomicFileWriter.Failure.self) {
            try AtomicFileWriter.write(Array("new\n".utf8), to: directory.appendingPathComponent("absent/alerts.jsonl"))
        }
        #expect(try String(contentsOf: directory.appendingPathComponent("alerts.jsonl"), encoding: .utf8) == "old\n")
    }
}
