import Foundation
import ObjectivityCore
import ObjectivityIngest
import ObjectivitySimulation
import ObjectivityTesting

/// Runs a small simulated region and reads it back through the real reader.
struct SimulatedRegionRun {
    let directory: URL
    let summary: SimulationSummary
    let sittings: [SittingKey: Sitting]
    let registry: [SchoolRecord]
    let gia: [GIAResults]
    let truth: [String]
    let models: ReferenceModels

    init(_ configuration: RegionConfiguration) throws {
        directory = try Fixtures.temporaryDirectory()
        let models = try Fixtures.models()
        self.models = models
        summary = try RegionSimulator(configuration: configuration, models: models).run(into: directory)
        let reader = InputFileReader(models: models)
        var assemblers: [SittingKey: SittingAssembler] = [:]
        var registry: [SchoolRecord] = [], gia: [GIAResults] = []
        let inbox = directory.appendingPathComponent("inbox")
        for name in try FileManager.default.contentsOfDirectory(atPath: inbox.path).sorted() {
            let report = reader.read(url: inbox.appendingPathComponent(name))
            if let error = report.error { throw error }
            switch report.content {
            case .vprResults(let file):
                var assembler = assemblers[file.key] ?? SittingAssembler(key: file.key)
                try assembler.add(file.batch)
                assemblers[file.key] = assembler
            case .schoolRegistry(let file): registry += file.schools
            case .giaResults(let file): gia.append(file.results)
            default: break
            }
        }
        self.registry = registry
        self.gia = gia
        sittings = assemblers.mapValues { assembler in
            assembler.assemble(scale: models.scales.scale(for: assembler.key)!)
        }
        truth = try String(contentsOf: directory.appendingPathComponent("truth.csv"), encoding: .utf8)
            .split(separator: "\n").dropFirst().map(String.init)
    }

    func remove() { try? FileManager.default.removeItem(at: directory) }

    /// Works per primary score in a sitting.
    func histogram(_ key: SittingKey) -> [Int] {
        let sitting = sittings[key]!
        var counts = [Int](repeating: 0, count: sitting.maxScore + 1)
        for score in sitting.works.primaryScore { counts[Int(score)] += 1 }
        return counts
    }
}

extension RegionConfiguration {
    /// A small region for tests: `schools` schools, one year, mathematics in grade 5.
    static func small(schools: Int, seed: UInt64 = 7) -> RegionConfiguration {
        var c = RegionConfiguration()
        c.seed = seed
        c.schools = schools
        c.years = [2025]
        c.sittings = [SittingSpecification(subject: "Математика", grade: 5)]
        c.giaSubjects = []
        return c
    }
}

extension RegionConfiguration {
    /// A clean version of `self` and one where every school nudges works onto the cuts at
    /// `intensity`: the same schools and pupils, differing only by the manipulation.
    func cleanAndNudged(intensity: Double) -> (clean: RegionConfiguration, nudged: RegionConfiguration) {
        var clean = self
        clean.manipulatedSchoolShare = 0
        var nudged = clean
        nudged.manipulatedSchoolShare = 1
        nudged.manipulationWeights = [ManipulationType.thresholdNudging.rawValue: 1]
        nudged.intensityRange = [intensity, intensity]
        return (clean, nudged)
    }
}

extension SimulatedRegionRun {
    /// Every sitting analysed as `scan` does: ВПР with the registry and ГИА context, then
    /// the ГИА sittings, then the comparisons across years and the persistence prior.
    func analyses(seed: UInt64 = 1) -> [SittingAnalysis] {
        var analyses = sittings.keys.sorted().map { key in
            SittingAnalysis(sitting: sittings[key]!, context: SittingContext(for: key, registry: registry, gia: gia), seed: seed)
        }
        let municipalities = Dictionary(registry.map { ($0.login, $0.municipality) }, uniquingKeysWith: { first, _ in first })
        analyses += GIASittingBuilder(minimums: models.giaMinimums, scales: models.scales, municipalityOfSchool: municipalities)
            .sittings(from: gia).map { SittingAnalysis(sitting: $0, seed: seed) }
        CrossYearAnalysis.apply(to: &analyses)
        return analyses
    }
}
