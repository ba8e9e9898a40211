import Benchmark
import Foundation
import ObjectivityCore
import ObjectivityService
import ObjectivitySimulation
import ObjectivityTesting

/// Latency of the service: with a 600-school region's three years already in the store,
/// one new municipality file for one sitting → updated alerts (take the file in,
/// re-analyse its sitting from the store, the indicators across years over all, publish).
/// The store is filled without twelve municipality files of one 2025 sitting; each
/// iteration uploads the next of them, so every upload brings new schools and moves the
/// sitting's reference, as a real late upload does.
let benchmarks: @Sendable () -> Void = {
    let setup = try! ServiceBenchmarkRegion()
    print("store: \(setup.files) files, \(setup.units) units; then one of \(setup.heldOut.count) held-out municipality files per iteration")

    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .peakMemoryResident],
        timeUnits: .milliseconds,
        warmupIterations: 1,
        maxDuration: .seconds(60),
        maxIterations: 10)  // with the warm-up, 11 of the 12 held-out files

    Benchmark("One municipality file into a 600-school, 3-year store → updated alerts, recheck and people lists") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try! setup.uploadOnce())
        }
        let sorted = setup.alertLatencies.sorted()
        if sorted.count == 11 {
            print(String(format: "file → alerts written: median %.3f s, max %.3f s over %d uploads", sorted[sorted.count / 2], sorted.last!, sorted.count))
        }
    }
}

/// The region in a temporary state directory, analysed once, and a file to upload again and again.
final class ServiceBenchmarkRegion: @unchecked Sendable {
    let directories: ServiceDirectories
    let store: StateStore
    let processor: UploadProcessor
    var analyser: RegionAnalyser
    var publisher: AlertPublisher
    var recheck: RecheckPublisher
    var lists: ListsPublisher
    var confirmation: ConfirmationPublisher
    var report: ReportPublisher
    /// Held-out municipality files of one sitting, uploaded one per iteration.
    let heldOut: [URL]
    let files: Int
    var units = 0
    private var variant = 0
    /// Seconds from the file to its alerts written, every iteration so far.
    var alertLatencies: [Double] = []

    init() throws {
        let root = try Fixtures.temporaryDirectory()
        var region = RegionConfiguration()
        region.seed = 12
        region.schools = 600
        region.manipulatedSchoolShare = 0.3
        let models = try Fixtures.models()
        _ = try RegionSimulator(configuration: region, models: models).run(into: root.appendingPathComponent("region"))
        directories = ServiceDirectories(root: root.appendingPathComponent("state"))
        try directories.create()
        store = try StateStore(path: directories.database)
        processor = UploadProcessor(directories: directories, store: store, reader: try Fixtures.reader())
        analyser = RegionAnalyser(store: store, models: models, seed: 1, thresholds: .standard)
        publisher = AlertPublisher(directories: directories, store: store)
        recheck = RecheckPublisher(directories: directories, store: store, seed: 1)
        lists = ListsPublisher(directories: directories)
        confirmation = ConfirmationPublisher(directories: directories, store: store)
        report = ReportPublisher(directories: directories, store: store)
        let inbox = root.appendingPathComponent("region/inbox")
        let names = try FileManager.default.contentsOfDirectory(atPath: inbox.path).sorted()
        // Municipality files (names «Ф1_<municipality>_<year><sitting>.csv») of the first 2025 sitting.
        let municipal = names.filter { $0.hasPrefix("Ф1_") && $0.hasSuffix("_202500.csv") && !$0.contains("_edu2") && !$0.contains("_sch2") }
        guard municipal.count >= 12 else { throw CocoaError(.fileNoSuchFile) }
        heldOut = municipal.prefix(12).map { inbox.appendingPathComponent($0) }
        let held = Set(municipal.prefix(12))
        files = names.count - held.count
        for (i, name) in names.enumerated() where !held.contains(name) {
            let claimed = directories.processing.appendingPathComponent(String(format: "%08d-", i) + name)
            try FileManager.default.copyItem(at: inbox.appendingPathComponent(name), to: claimed)
            _ = try processor.process(claimed)
        }
        let analyses = try analyser.refresh([], all: true)!
        units = analyses.reduce(0) { $0 + $1.units.count }
        try publisher.publish(analyses)
        try recheck.publish(analyses)
        try lists.publish(analyses)
        try confirmation.publish()
        try report.publish(analyses)
    }

    /// The next held-out file: taken in, its sitting re-analysed, alerts published.
    /// Returns how many alerts were new.
    func uploadOnce() throws -> Int {
        let upload = heldOut[variant % heldOut.count]
        variant += 1
        let claimed = directories.processing.appendingPathComponent(String(format: "bench%03d-", variant) + upload.lastPathComponent)
        try FileManager.default.copyItem(at: upload, to: claimed)
        let started = Date()
        guard case .accepted(let sittings, _, _) = try processor.process(claimed) else { fatalError("not accepted: \(upload.lastPathComponent)") }
        let processed = Date()
        let analyses = try analyser.refresh(sittings, all: false)!
        let analysed = Date()
        let issued = try publisher.publish(analyses).count
        let alerted = Date()
        var phases: [(String, Date)] = [("recheck", Date())]
        try recheck.publish(analyses)
        phases.append(("lists", Date()))
        try lists.publish(analyses)
        phases.append(("outcomes", Date()))
        try confirmation.publish()
        phases.append(("report", Date()))
        try report.publish(analyses)
        phases.append(("", Date()))
        if variant <= 3 {
            print("    " + zip(phases, phases.dropFirst()).map { String(format: "%@ %.3f s", $0.0.0, $0.1.1.timeIntervalSince($0.0.1)) }.joined(separator: ", "))
        }
        alertLatencies.append(alerted.timeIntervalSince(started))
        if variant <= 3 {
            print(String(format: "  %@ (%@): take in %.3f s, analyse %.3f s, alerts %.3f s (written %.3f s after the file), recheck lists, people's lists, outcomes and report %.3f s",
                         sittings.first!.description, upload.lastPathComponent, processed.timeIntervalSince(started),
                         analysed.timeIntervalSince(processed), alerted.timeIntervalSince(analysed), alerted.timeIntervalSince(started),
                         Date().timeIntervalSince(alerted)))
        }
        return issued
    }
}

extension Optional {
    func orThrow() throws -> Wrapped {
        guard let value = self else { throw CocoaError(.fileNoSuchFile) }
        return value
    }
}
