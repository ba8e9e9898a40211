import Foundation
public import ObjectivityCore

/// Everything `objectivity serve` may be told, with a default for every key.
///
/// Read from a JSON file (`serve --config FILE`); any key may be left out. Keys (type, default):
/// - `stateDirectory` (path, `/var/lib/objectivity`): holds `inbox/`, `processing/`,
///   `archive/`, `rejected/`, `out/` and `state.sqlite`, on one filesystem so that renames
///   are atomic.
/// - `modelsDirectory` (path or null, null): scales, subjects and tasks (`models/`); null
///   looks beside the executable and in the working directory.
/// - `debounceSeconds` (number ≥ 0, 2): quiet time after the last upload before analysing,
///   so that a batch of files yields one analysis per sitting.
/// - `maxDelaySeconds` (number ≥ debounce, 30): analysis starts at the latest this long
///   after the first file of a batch, however busy the inbox.
/// - `rescanSeconds` (number > 0, 300): periodic rescan of the inbox, beside inotify.
/// - `maxFileBytes` (integer > 0, 1 GiB), `maxXLSXExpandedBytes` (integer > 0, 512 MiB),
///   `maxXLSXEntries` (integer > 0, 10,000): limits on uploads.
/// - `highQ`, `mediumQ`, `lowQ` (0 < high ≤ medium ≤ low < 1; 0.01, 0.05, 0.2): the
///   risk-level thresholds on K · min q.
/// - `metrics` (bool, true) and `metricsPort` (1…65535, 9464): `/metrics` and `/health` on
///   127.0.0.1.
/// - `seed` (integer, 1): the bootstrap's seed; results are reproducible.
public struct ServiceConfiguration: Sendable, Equatable, Codable {
    public var stateDirectory = "/var/lib/objectivity"
    public var modelsDirectory: String?
    public var debounceSeconds = 2.0
    public var maxDelaySeconds = 30.0
    public var rescanSeconds = 300.0
    public var maxFileBytes = 1 << 30
    public var maxXLSXExpandedBytes = 512 * 1024 * 1024
    public var maxXLSXEntries = 10_000
    public var highQ = 0.01
    public var mediumQ = 0.05
    public var lowQ = 0.2
    public var metrics = true
    public var metricsPort = 9464
    public var seed: UInt64 = 1

    public init() {}

    /// The risk levels' thresholds as the analysis takes them.
    public var riskThresholds: RiskModel.Thresholds { RiskModel.Thresholds(highQ: highQ, mediumQ: mediumQ, lowQ: lowQ) }

    /// A key with a value it cannot take: names the file, the key and what was expected.
    public struct Invalid: Error, Sendable, Equatable, CustomStringConvertible {
        public let file: String
        public let key: String
        public let expected: String
        public var description: String { "\(file): ключ «\(key)»: ожидалось \(expected) / key \"\(key)\": expected \(expected)" }
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = ServiceConfiguration()
        stateDirectory = try c.decodeIfPresent(String.self, forKey: .stateDirectory) ?? d.stateDirectory
        modelsDirectory = try c.decodeIfPresent(String.self, forKey: .modelsDirectory)
        debounceSeconds = try c.decodeIfPresent(Double.self, forKey: .debounceSeconds) ?? d.debounceSeconds
        maxDelaySeconds = try c.decodeIfPresent(Double.self, forKey: .maxDelaySeconds) ?? d.maxDelaySeconds
        rescanSeconds = try c.decodeIfPresent(Double.self, forKey: .rescanSeconds) ?? d.rescanSeconds
        maxFileBytes = try c.decodeIfPresent(Int.self, forKey: .maxFileBytes) ?? d.maxFileBytes
        maxXLSXExpandedBytes = try c.decodeIfPresent(Int.self, forKey: .maxXLSXExpandedBytes) ?? d.maxXLSXExpandedBytes
        maxXLSXEntries = try c.decodeIfPresent(Int.self, forKey: .maxXLSXEntries) ?? d.maxXLSXEntries
        highQ = try c.decodeIfPresent(Double.self, forKey: .highQ) ?? d.highQ
        mediumQ = try c.decodeIfPresent(Double.self, forKey: .mediumQ) ?? d.mediumQ
        lowQ = try c.decodeIfPresent(Double.self, forKey: .lowQ) ?? d.lowQ
        metrics = try c.decodeIfPresent(Bool.self, forKey: .metrics) ?? d.metrics
        metricsPort = try c.decodeIfPresent(Int.self, forKey: .metricsPort) ?? d.metricsPort
        seed = try c.decodeIfPresent(UInt64.self, forKey: .seed) ?? d.seed
    }

    /// Reads and validates `path`; every error names the file and the key.
    public static func load(path: String) throws -> ServiceConfiguration {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let configuration: ServiceConfiguration
        do {
            configuration = try JSONDecoder().decode(ServiceConfiguration.self, from: data)
        } catch let DecodingError.typeMismatch(type, context), let DecodingError.valueNotFound(type, context) {
            throw Invalid(file: path, key: context.codingPath.map(\.stringValue).joined(separator: "."), expected: "\(type)")
        } catch DecodingError.dataCorrupted(let context) {
            throw Invalid(file: path, key: context.codingPath.map(\.stringValue).joined(separator: ".").isEmpty ? "(файл)" : context.codingPath.map(\.stringValue).joined(separator: "."),
                          expected: "JSON-объект")
        }
        try configuration.validate(file: path)
        return configuration
    }

    /// Checks every value against its documented range.
    public func validate(file: String) throws {
        func require(_ ok: Bool, _ key: CodingKeys, _ expected: String) throws {
            if !ok { throw Invalid(file: file, key: key.stringValue, expected: expected) }
        }
        try require(!stateDirectory.isEmpty, .stateDirectory, "непустой путь")
        try require(debounceSeconds >= 0 && debounceSeconds.isFinite, .debounceSeconds, "число ≥ 0")
        try require(maxDelaySeconds >= debounceSeconds && maxDelaySeconds.isFinite, .maxDelaySeconds, "число ≥ debounceSeconds")
        try require(rescanSeconds > 0 && rescanSeconds.isFinite, .rescanSeconds, "число > 0")
        try require(maxFileBytes > 0, .maxFileBytes, "целое > 0")
        try require(maxXLSXExpandedBytes > 0, .maxXLSXExpandedBytes, "целое > 0")
        try require(maxXLSXEntries > 0, .maxXLSXEntries, "целое > 0")
        try require(highQ > 0 && highQ <= mediumQ, .highQ, "0 < highQ ≤ mediumQ")
        try require(mediumQ <= lowQ, .mediumQ, "mediumQ ≤ lowQ")
        try require(lowQ < 1, .lowQ, "lowQ < 1")
        try require((1...65535).contains(metricsPort), .metricsPort, "порт 1…65535")
    }
}
