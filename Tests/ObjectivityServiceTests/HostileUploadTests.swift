#if canImport(Glibc)
import Glibc
#endif
import Foundation
import ObjectivityCore
import ObjectivityService
import ObjectivityTesting
import Testing

/// The malformed-upload corpus fed to the running daemon in one batch, together with the
/// good fixtures: every entry ends in `rejected/` with its reason, in the archive, or among
/// the duplicates; nothing stays in the inbox or in `processing/`; the daemon never dies,
/// its memory stays bounded, and the good files of the same batch are analysed.
@Suite struct HostileUploadTests {
    /// Uploads that are not files at all: the daemon must set them aside without following
    /// or opening them (a link to /dev/zero would be hashed forever, a FIFO blocks open).
    private static func plantSpecialEntries(in inbox: URL) throws {
        #expect(symlink("/dev/zero", inbox.appendingPathComponent("link_to_dev_zero.csv").path) == 0)
        #expect(symlink("/etc/passwd", inbox.appendingPathComponent("link_to_passwd.csv").path) == 0)
        #expect(mkfifo(inbox.appendingPathComponent("pipe.csv").path, 0o600) == 0)
        try FileManager.default.createDirectory(at: inbox.appendingPathComponent("folder.csv"), withIntermediateDirectories: false)
    }

    /// Hostile file contents and names, each with unique bytes (no two are duplicates).
    private static func hostileFiles() throws -> [(name: String, bytes: Data)] {
        let good = try Data(contentsOf: Fixtures.uploads.appendingPathComponent("good/ВПР_2025_Математика_5_Ленинский.csv"))
        var rng = SplitMix64(seed: 99)
        func garbage(_ count: Int) -> Data { Data((0..<count).map { _ in UInt8(truncatingIfNeeded: rng.next()) }) }
        let text = String(decoding: good, as: UTF8.self)
        var utf16 = Data([0xFF, 0xFE])
        for unit in text.utf16 { utf16.append(UInt8(unit & 0xFF)); utf16.append(UInt8(unit >> 8)) }
        return [
            ("ВПР_2025_Математика_5_cut_mid_row.csv", good.prefix(good.count * 6 / 10)),
            ("ВПР_2025_Математика_5_utf16.csv", utf16),
            ("garbage.csv", garbage(65_536)),
            ("garbage.xlsx", Data([0x50, 0x4B, 0x03, 0x04]) + garbage(65_536)),
            ("one_line_10MB.csv", Data(repeating: UInt8(ascii: "7"), count: 10 << 20)),
            ("x\\..\\..\\etc\\passwd.csv", garbage(100)),
            ("ctrl\u{01}\u{1B}[31mred\nline\t.csv", garbage(101)),
            (String(repeating: "д", count: 121) + ".csv", garbage(102)),
            (" .csv", garbage(103)),
        ]
    }

    @Test func malformedCorpus_isSortedOut_daemonSurvives_goodFilesAnalysed() throws {
        let service = try RunningService(settings: ["maxFileBytes": "33554432"])
        try service.start()
        let inbox = service.directories.inbox
        var uploads = 0
        for folder in ["good", "bad"] {
            let directory = Fixtures.uploads.appendingPathComponent(folder)
            for name in try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() {
                try service.upload(Data(contentsOf: directory.appendingPathComponent(name)), as: name)
                uploads += 1
            }
        }
        for (name, bytes) in try Self.hostileFiles() {
            try service.upload(bytes, as: name)
            uploads += 1
        }
        // Above the 32 MiB limit without costing the disk: a sparse file.
        let large = inbox.appendingPathComponent(".large.part")
        #expect(FileManager.default.createFile(atPath: large.path, contents: nil))
        #expect(truncate(large.path, 40 << 20) == 0)
        #expect(rename(large.path, inbox.appendingPathComponent("above_limit.csv").path) == 0)
        uploads += 1
        try Self.plantSpecialEntries(in: inbox)
        uploads += 4

        let settled = service.wait(seconds: 120) {
            service.names(in: inbox).isEmpty && service.names(in: service.directories.processing).isEmpty
        }
        #expect(settled, "left in the inbox: \(service.names(in: inbox)); in processing: \(service.names(in: service.directories.processing))")
        #expect(service.process?.isRunning == true, "the daemon survived the batch")

        // Every upload accounted for exactly once, every rejection with its reason.
        let rejected = service.names(in: service.directories.rejected)
        let rejectedFiles = rejected.filter { !$0.hasSuffix(".error.txt") }
        for file in rejectedFiles {
            #expect(rejected.contains(file + ".error.txt"), "\(file) has its reason")
        }
        let archived = service.names(in: service.directories.archive).filter { !$0.hasSuffix(".warnings.txt") && $0 != "duplicates" }
        let duplicates = service.names(in: service.directories.duplicates)
        #expect(rejectedFiles.count + archived.count + duplicates.count == uploads,
                "rejected \(rejectedFiles.count) + archived \(archived.count) + duplicates \(duplicates.count) of \(uploads)")
        // The good fixtures and the partly bad ones are in; their sittings are analysed.
        let expected = try String(contentsOf: Fixtures.uploads.appendingPathComponent("expected.tsv"), encoding: .utf8)
            .split(separator: "\n").filter { !$0.hasPrefix("#") }.map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
        let accepted = expected.filter { !$0[1].hasPrefix("rejected") }.count
        let store = try StateStore(path: service.directories.database)
        let counts = try store.fileCounts()
        #expect((counts["accepted"] ?? 0) + (counts["partial"] ?? 0) >= accepted, "\(counts)")
        #expect(service.wait(seconds: 60) { FileManager.default.fileExists(atPath: service.directories.out.appendingPathComponent("units.jsonl").path) })
        for line in expected where line[1].hasPrefix("rejected:") {
            let code = line[1].dropFirst("rejected:".count)
            let name = String(line[0].split(separator: "/").last!)
            let reason = rejected.first { $0.hasSuffix(name + ".error.txt") }
            #expect(reason != nil, "\(name) rejected")
            if let reason {
                let text = try String(contentsOf: service.directories.rejected.appendingPathComponent(reason), encoding: .utf8)
                #expect(text.contains(String(code)), "\(name): \(code)")
            }
        }
        let peak = service.peakResidentBytes() ?? 0
        print("hostile batch: \(uploads) uploads, daemon peak RSS \(peak >> 20) MiB")
        #expect(peak > 0 && peak < 1 << 30, "peak RSS \(peak >> 20) MiB")
        #expect(service.stop() == 0)
    }
}
