import Foundation
import ObjectivityService
import ObjectivityTesting

/// A state directory in a temporary folder, with its store and processor.
struct TemporaryState {
    let directories: ServiceDirectories
    let store: StateStore
    let processor: UploadProcessor

    init() throws {
        directories = ServiceDirectories(root: try Fixtures.temporaryDirectory())
        try directories.create()
        store = try StateStore(path: directories.database)
        processor = UploadProcessor(directories: directories, store: store, reader: try Fixtures.reader())
    }

    func remove() { try? FileManager.default.removeItem(at: directories.root) }

    /// Copies a fixture into `processing/` as if claimed, and returns its claimed URL.
    func claimFixture(_ path: String, sequence: Int) throws -> URL {
        let source = Fixtures.uploads.appendingPathComponent(path)
        let inbox = directories.inbox.appendingPathComponent(source.lastPathComponent)
        try FileManager.default.copyItem(at: source, to: inbox)
        return UploadClaim.claim(inbox, into: directories.processing, sequence: sequence)!
    }

    func names(in directory: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).sorted()
    }
}
