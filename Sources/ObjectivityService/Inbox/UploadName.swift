/// The name an upload is kept under: what the uploader chose, made safe to show and to
/// store.
///
/// Uploaders name files freely. Control characters (a newline forges a log line, an
/// escape sequence recolours an operator's terminal) and backslashes become «_», and the
/// name is cut to ``maxBytes`` of UTF-8, keeping its extension, so that the prefixes and
/// suffixes the service adds (`NNNNNNNN-` in `processing/`, the hash in `archive/` and
/// `rejected/`, `.error.txt`, `.warnings.txt`) stay within the 255-byte limit of a file
/// name: a 250-byte name could be claimed but never archived, and stayed behind.
public enum UploadName {
    /// Longest kept name, bytes of UTF-8.
    public static let maxBytes = 200

    public static func safe(_ name: String) -> String {
        let cleaned = String(String.UnicodeScalarView(name.unicodeScalars.map { scalar in
            scalar.properties.generalCategory == .control || scalar == "\\" ? "_" : scalar
        }))
        guard cleaned.utf8.count > maxBytes else { return cleaned }
        var stem = Substring(cleaned), suffix = ""
        if let dot = cleaned.lastIndex(of: "."), cleaned.utf8.distance(from: dot, to: cleaned.utf8.endIndex) <= 10 {
            stem = cleaned[..<dot]
            suffix = String(cleaned[dot...])
        }
        var kept = ""
        for character in stem {
            if kept.utf8.count + character.utf8.count + "…".utf8.count + suffix.utf8.count > maxBytes { break }
            kept.append(character)
        }
        return kept + "…" + suffix
    }
}
