public import Foundation
public import ObjectivityCore
internal import ObjectivityReports

/// Keeps `out/report.html`, the region report, in step with the analysis and the
/// commissions' outcomes; rewritten atomically when its content changed.
public struct ReportPublisher: Sendable {
    public let directories: ServiceDirectories
    public let store: StateStore
    private var written: String = ""
    /// Each sitting's section with the signature it was made for.
    private var sections: [SittingKey: (signature: String, html: String)] = [:]

    public init(directories: ServiceDirectories, store: StateStore) {
        self.directories = directories
        self.store = store
    }

    public var url: URL { directories.out.appendingPathComponent("report.html") }

    /// Writes the report of `analyses` with what the store knows of schools, alerts and rechecks.
    public mutating func publish(_ analyses: [SittingAnalysis], now: Date = Date()) throws {
        let registry = try store.registry()
        let works = try store.listedWorksWithOutcomes()
        let confirmation = ConfirmationReport(works)
        let report = RegionReport(
            analyses: analyses,
            municipalities: Dictionary(registry.map { ($0.login, $0.municipality) }, uniquingKeysWith: { first, _ in first }),
            schoolNames: Dictionary(registry.map { ($0.login, $0.name) }, uniquingKeysWith: { first, _ in first }),
            alertIDs: try store.latestAlerts().mapValues(\.id), confirmations: try store.alertConfirmations(),
            confirmation: confirmation.hasOutcomes ? confirmation : nil, generated: Self.stampPlaceholder)
        // Sections of sittings whose units and alerts did not change are reused.
        var current: [SittingKey: (signature: String, html: String)] = [:]
        let body = report.document(sittingSections: report.sortedAnalyses.map { analysis in
            let signature = report.sectionSignature(for: analysis)
            let html = sections[analysis.sitting.key].flatMap { $0.signature == signature ? $0.html : nil }
                ?? report.sittingSection(for: analysis)
            current[analysis.sitting.key] = (signature, html)
            return html
        })
        sections = current
        // The time stamp alone does not make a new report: compare without it.
        guard body != written else { return }
        try FileManager.default.createDirectory(at: directories.out, withIntermediateDirectories: true)
        try AtomicFileWriter.write(Array(body.replacingOccurrences(of: Self.stampPlaceholder, with: Self.stamp(now)).utf8), to: url)
        written = body
    }

    /// Stands for the time stamp while the report is compared with the last one written.
    private static let stampPlaceholder = "\u{1}generated\u{1}"

    private static func stamp(_ time: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm 'UTC'"
        return formatter.string(from: time)
    }
}
