#if canImport(Glibc)
import Glibc
#endif
import Foundation
import ObjectivityCore
import ObjectivityService
import ObjectivityTesting
import Testing

@Suite struct UploadProcessorTests {
    @Test func goodFile_isStoredAndArchived_sameContentAgainIsADuplicate() throws {
        let state = try TemporaryState()
        defer { state.remove() }
        let first = try state.processor.process(state.claimFixture("good/vpr-2025-matematika-5.csv", sequence: 1))
        guard case .accepted(let sittings, false, 0) = first else {
            Issue.record("not accepted: \(first)")
            return
        }
        #expect(sittings == [SittingKey(year: 2025, subject: "Математика", grade: 5)])
        #expect(try state.store.batches(of: sittings.first!).reduce(0) { $0 + $1.works.count } > 0)
        #expect(try state.processor.process(state.claimFixture("good/vpr-2025-matematika-5.csv", sequence: 2)) == .duplicate)
        #expect(state.names(in: state.directories.processing).isEmpty)
        #expect(state.names(in: state.directories.archive).filter { $0.hasSuffix("vpr-2025-matematika-5.csv") }.count == 1)
        #expect(state.names(in: state.directories.duplicates) == ["vpr-2025-matematika-5.csv"])
        #expect(try state.store.fileCounts() == ["accepted": 1])
    }

    @Test func unreadableFile_isRejectedWithAnErrorFileInBothLanguages() throws {
        let state = try TemporaryState()
        defer { state.remove() }
        let outcome = try state.processor.process(state.claimFixture("bad/export_without_sitting.csv", sequence: 1))
        guard case .rejected = outcome else {
            Issue.record("not rejected: \(outcome)")
            return
        }
        let rejected = state.names(in: state.directories.rejected)
        #expect(rejected.count == 2)
        let errorFile = try #require(rejected.first { $0.hasSuffix(".error.txt") })
        let text = try String(contentsOf: state.directories.rejected.appendingPathComponent(errorFile), encoding: .utf8)
        #expect(text.contains("export_without_sitting.csv"))
        #expect(text.contains("Ошибка") && text.contains("Error"))
        #expect(try state.store.fileCounts() == ["rejected": 1])
    }

    @Test func partlyReadFile_isAcceptedWithAWarningFileListingTheSkippedRows() throws {
        let state = try TemporaryState()
        defer { state.remove() }
        let outcome = try state.processor.process(state.claimFixture("bad/ВПР_2025_Математика_5_row_errors.csv", sequence: 1))
        guard case .accepted(_, _, let skipped) = outcome else {
            Issue.record("not accepted: \(outcome)")
            return
        }
        #expect(skipped == 8)
        let warning = try #require(state.names(in: state.directories.archive).first { $0.hasSuffix(".warnings.txt") })
        let text = try String(contentsOf: state.directories.archive.appendingPathComponent(warning), encoding: .utf8)
        #expect(text.contains("пропущено строк — 8"))
        #expect(text.contains(":23:"), "row 23 (duplicate participant) listed")
        #expect(try state.store.fileCounts() == ["partial": 1])
    }

    @Test func fileTakenInBeforeACrash_isOnlyMovedNotReadAgain() throws {
        let state = try TemporaryState()
        defer { state.remove() }
        let claimed = try state.claimFixture("good/registry.csv", sequence: 1)
        // As if the process died after the store's transaction, before the move.
        let copy = state.directories.root.appendingPathComponent("copy")
        try FileManager.default.copyItem(at: claimed, to: copy)
        _ = try state.processor.process(claimed)
        try FileManager.default.moveItem(at: copy, to: claimed)
        let archivedBefore = state.names(in: state.directories.archive)
        try FileManager.default.removeItem(at: state.directories.archive.appendingPathComponent(archivedBefore.first { $0.hasSuffix("registry.csv") }!))
        #expect(try state.processor.process(claimed) == .recovered)
        #expect(state.names(in: state.directories.archive) == archivedBefore)
        #expect(try state.store.fileCounts() == ["accepted": 1])
    }

    @Test func fileThatCannotBeProcessed_isSetAsideWithTheReason() throws {
        let state = try TemporaryState()
        defer { state.remove() }
        let missing = state.directories.processing.appendingPathComponent("00000001-gone.csv")
        #expect(try state.processor.process(missing) == .vanished)
        let claimed = try state.claimFixture("good/registry.csv", sequence: 2)
        state.processor.setAside(claimed, russian: "Input/output error", english: "Input/output error")
        #expect(state.names(in: state.directories.rejected) == ["registry.csv", "registry.csv.error.txt"])
        #expect(state.names(in: state.directories.processing).isEmpty)
    }

    /// Truncated after the claim (an uploader's tool still writing, a full disk at the
    /// source): what is there is read like any upload — here the rows before the cut, the
    /// cut row skipped — and the file is kept.
    @Test func fileTruncatedAfterItsClaim_isReadAsItNowIs() throws {
        let state = try TemporaryState()
        defer { state.remove() }
        let claimed = try state.claimFixture("good/ВПР_2025_Математика_5_Ленинский.csv", sequence: 1)
        let size = try FileManager.default.attributesOfItem(atPath: claimed.path)[.size] as! Int
        #expect(truncate(claimed.path, off_t(size / 2)) == 0)
        let outcome = try state.processor.process(claimed)
        guard case .accepted(_, _, let skipped) = outcome else {
            Issue.record("expected the first half accepted, got \(outcome)")
            return
        }
        #expect(skipped <= 1)
        #expect(state.names(in: state.directories.processing).isEmpty)
        #expect(state.names(in: state.directories.archive).contains { $0.hasSuffix("ВПР_2025_Математика_5_Ленинский.csv") })
    }

    @Test func reuploadOfASchool_supersedesItsEarlierWorks() throws {
        let state = try TemporaryState()
        defer { state.remove() }
        _ = try state.processor.process(state.claimFixture("good/vpr-2025-matematika-5.csv", sequence: 1))
        let key = SittingKey(year: 2025, subject: "Математика", grade: 5)
        let first = try state.store.batches(of: key).reduce(0) { $0 + $1.works.count }
        // The same school's file again with a blank line more: new content, the same works.
        let copy = state.directories.inbox.appendingPathComponent("vpr-2025-matematika-5-corrected.csv")
        try (Data(contentsOf: Fixtures.uploads.appendingPathComponent("good/vpr-2025-matematika-5.csv")) + Data("\r\n".utf8)).write(to: copy)
        let claimed = try #require(UploadClaim.claim(copy, into: state.directories.processing, sequence: 2))
        guard case .accepted = try state.processor.process(claimed) else {
            Issue.record("not accepted")
            return
        }
        #expect(try state.store.batches(of: key).count == 1, "the first batch lost all its works")
        #expect(try state.store.batches(of: key).reduce(0) { $0 + $1.works.count } == first)
    }
}
