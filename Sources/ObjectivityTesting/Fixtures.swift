public import Foundation
public import ObjectivityIngest

/// Locations of the repository's fixtures and models, for tests of every target.
public enum Fixtures {
    /// The repository root, found from this source file's location.
    public static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public static let uploads = root.appendingPathComponent("fixtures/uploads")
    public static let modelsDirectory = root.appendingPathComponent("models")

    /// `models/` as the service loads it.
    public static func models() throws -> ReferenceModels {
        try ReferenceModels.load(directory: modelsDirectory)
    }

    /// A reader over `models/` with default limits.
    public static func reader() throws -> InputFileReader {
        InputFileReader(models: try models())
    }

    /// A fresh temporary directory, removed by the caller.
    public static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("objectivity-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
