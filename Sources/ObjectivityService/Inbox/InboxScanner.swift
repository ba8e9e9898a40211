public import Foundation

/// Which names in the inbox are finished uploads: everything but dot-files (`.NAME`,
/// uploads in progress by the second convention) and `*.part` / `*.tmp`.
public enum InboxScanner {
    public static func isUpload(_ name: String) -> Bool {
        !name.hasPrefix(".") && !name.hasSuffix(".part") && !name.hasSuffix(".tmp") && !name.hasSuffix(".error.txt")
    }

    /// Finished uploads in `directory`, oldest first (then by name). Every kind of entry is
    /// listed — links, pipes and folders too, by their own time, not followed — so that the
    /// daemon sets them aside instead of leaving them in the inbox for ever.
    public static func uploads(in directory: URL) -> [URL] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return [] }
        var found: [(URL, Date)] = []
        for name in names where isUpload(name) {
            let url = directory.appendingPathComponent(name)
            var info = stat()
            guard lstat(url.path, &info) == 0 else { continue }
            let modified = Date(timeIntervalSince1970: Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9)
            found.append((url, modified))
        }
        return found.sorted { ($0.1, $0.0.lastPathComponent) < ($1.1, $1.0.lastPathComponent) }.map(\.0)
    }
}
