import Foundation

/// Expands command-line paths into input files: files as given, directories walked
/// recursively for `.csv`, `.tsv`, `.txt` and `.xlsx`, skipping dot-files and
/// uploads in progress (`*.part`, `*.tmp`).
enum InputPaths {
    static let extensions: Set<String> = ["csv", "tsv", "txt", "xlsx"]

    static func expand(_ paths: [String]) -> [URL] {
        var files: [URL] = []
        let fm = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else {
                files.append(URL(fileURLWithPath: path))  // reported as unreadable by the reader
                continue
            }
            guard isDirectory.boolValue else {
                files.append(URL(fileURLWithPath: path))
                continue
            }
            let enumerator = fm.enumerator(at: URL(fileURLWithPath: path), includingPropertiesForKeys: nil,
                                           options: [.skipsHiddenFiles])
            while let url = enumerator?.nextObject() as? URL {
                if extensions.contains(url.pathExtension.lowercased()) { files.append(url) }
            }
        }
        // Paths taken once: URL.path is rebuilt on every call, and a national run sorts
        // a quarter of a million files.
        return files.map { ($0.path, $0) }.sorted { $0.0 < $1.0 }.map(\.1)
    }
}
