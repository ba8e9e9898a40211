public import Foundation

/// Which names in the inbox are finished uploads: everything but dot-files (`.NAME`,
/// uploads in progress by the second convention) and `*.part` / `*.tmp`.
public enum InboxScanner {
    public static func isUpload(_ name: String) -> Bool {
        !name.hasPrefix(".") && !name.hasSuffix(".part") && !name.hasSuffix(".tmp") && !name.hasSuffix(".error.txt")
    }

    /// Finished uploads in `directory`, oldest first (then by name), regular files only.
    public static func uploads(in directory: URL) -> [URL] {
        let keys: [URLResourceKey] = [.isRegularFileKey, .contentModificationDateKey]
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return [] }
        var found: [(URL, Date)] = []
        for name in names where isUpload(name) {
            let url = directory.appendingPathComponent(name)
            guard let values = try? url.resourceValues(forKeys: Set(keys)), values.isRegularFile == true else { continue }
            found.append((url, values.contentModificationDate ?? .distantPast))
        }
        return found.sorted { ($0.1, $0.0.lastPathComponent) < ($1.1, $1.0.lastPathComponent) }.map(\.0)
    }
}
