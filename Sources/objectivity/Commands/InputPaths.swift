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
        return files.sorted { $0.path < $1.path }
    }
}
