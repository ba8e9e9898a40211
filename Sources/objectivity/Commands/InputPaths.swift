import Foundation

/// Expands command-line paths into input files: files as given, directories walked
/// recursively for `.csv`, `.tsv`, `.txt` and `.xlsx`, skipping dot-files and dot-folders
/// and uploads in progress (`*.part`, `*.tmp`).
enum InputPaths {
    static let extensions: Set<String> = ["csv", "tsv", "txt", "xlsx"]

    /// The files' paths, sorted (so the order of a batch, and what depends on it, is the
    /// same on every run).
    static func expand(_ paths: [String]) -> [String] {
        var files: [String] = []
        let fm = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
                files.append(path)  // a missing one is reported as unreadable by the reader
                continue
            }
            walk(path, into: &files)
        }
        return files.sorted()
    }

    /// The input files under `directory`, by `readdir`: FileManager's enumerator made a URL
    /// and parsed it again for each of a national inbox's 213,229 files (1.8 s, one core).
    /// A symbolic link is listed as the file it names is (the reader refuses it), never
    /// followed into a folder.
    private static func walk(_ directory: String, into files: inout [String]) {
        guard let stream = opendir(directory) else { return }
        defer { closedir(stream) }
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        while let entry = readdir(stream) {
            let name = withUnsafePointer(to: &entry.pointee.d_name) {
                String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
            }
            guard !name.hasPrefix(".") else { continue }
            let path = prefix + name
            var type = Int32(entry.pointee.d_type)
            if type == Int32(DT_UNKNOWN) {  // file systems that do not say: ask
                var info = stat()
                guard lstat(path, &info) == 0 else { continue }
                type = (info.st_mode & S_IFMT) == S_IFDIR ? Int32(DT_DIR) : Int32(DT_REG)
            }
            if type == Int32(DT_DIR) {
                walk(path, into: &files)
            } else if let dot = name.lastIndex(of: "."), extensions.contains(name[name.index(after: dot)...].lowercased()) {
                files.append(path)
            }
        }
    }
}
