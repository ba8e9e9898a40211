public import Foundation
public import ObjectivityIngest

/// What one fuzzing run feeds to the readers, shared by the libFuzzer harness (`Fuzz/`,
/// scripts/fuzz.sh) and the regression test that replays every input fuzzing ever broke
/// (`fixtures/fuzz/TARGET/`).
///
/// The raw targets hand the input to ``InputFileReader`` as a whole file; the row targets
/// put a real header in front of it, so that mutations land in one reader's rows rather
/// than being rejected at header recognition; `header` puts known-good rows after it.
public enum FuzzTarget: String, CaseIterable, Sendable {
    /// The input as a CSV upload: encodings, delimiters, preamble, header recognition, rows.
    case csv
    /// The input as an XLSX upload: the zip archive, shared strings, sheet XML.
    case xlsx
    /// The input as the lines above a known-good ВПР table: preamble and header detection.
    case header
    /// A ВПР Ф1 header, then the input as its rows.
    case vprRows = "vpr_rows"
    /// A ГИА header, then the input as its rows.
    case giaRows = "gia_rows"
    /// A school registry header, then the input as its rows.
    case registryRows = "registry_rows"
    /// A recheck-outcomes header, then the input as its rows.
    case recheckRows = "recheck_rows"

    /// The file name the reader sees: it carries the sitting's metadata for ВПР files.
    public var fileName: String {
        switch self {
        case .xlsx: "ВПР_2025_Математика_5.xlsx"
        case .giaRows: "gia_2025.csv"
        case .registryRows: "registry.csv"
        case .recheckRows: "recheck_2025_matematika_5.csv"
        case .csv, .header, .vprRows: "ВПР_2025_Математика_5_Ленинский.csv"
        }
    }

    /// The good fixture whose first line (or, for `header`, whose rows) frame the input.
    private var fixture: String? {
        switch self {
        case .csv, .xlsx: nil
        case .header, .vprRows: "ВПР_2025_Математика_5_Ленинский.csv"
        case .giaRows: "gia_2025.csv"
        case .registryRows: "registry.csv"
        case .recheckRows: "recheck_2025_matematika_5.csv"
        }
    }

    /// Bytes put around every input of this target.
    public struct Framing: Sendable {
        public var prefix: [UInt8] = []
        public var suffix: [UInt8] = []

        /// The file the reader gets for `input`.
        public func frame(_ input: some Sequence<UInt8>) -> [UInt8] { prefix + Array(input) + suffix }
    }

    /// Reads the framing from fixtures/uploads/good/.
    public func framing() throws -> Framing {
        guard let fixture else { return Framing() }
        let bytes = [UInt8](try Data(contentsOf: Fixtures.uploads.appendingPathComponent("good").appendingPathComponent(fixture)))
        let firstLineEnd = (bytes.firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count - 1) + 1
        return self == .header
            ? Framing(suffix: [UInt8(ascii: "\n")] + bytes[firstLineEnd...])
            : Framing(prefix: Array(bytes[..<firstLineEnd]))
    }

    /// The reader under fuzzing: models/ and small limits (64 MiB expanded, 1,000 archive
    /// entries, 16 MiB files), so that each run is fast; the limits are under test too.
    public static func reader() throws -> InputFileReader {
        InputFileReader(models: try Fixtures.models(), archiveLimits: ArchiveLimits(maxUncompressedBytes: 64 << 20, maxEntries: 1_000),
                        maxFileBytes: 16 << 20)
    }

    /// Every input kept in fixtures/fuzz/TARGET/ after fuzzing broke a reader with it.
    public static func regressionInputs() throws -> [(target: FuzzTarget, file: URL)] {
        let directory = Fixtures.root.appendingPathComponent("fixtures/fuzz")
        return try allCases.flatMap { target -> [(target: FuzzTarget, file: URL)] in
            let folder = directory.appendingPathComponent(target.rawValue)
            guard FileManager.default.fileExists(atPath: folder.path) else { return [] }
            return try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
                .sorted { $0.lastPathComponent < $1.lastPathComponent }.map { (target, $0) }
        }
    }
}
