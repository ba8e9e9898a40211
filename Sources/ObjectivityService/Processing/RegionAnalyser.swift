import Foundation
public import ObjectivityCore
public import ObjectivityIngest

/// The region as the store holds it, analysed: one ``SittingAnalysis`` per sitting, kept
/// between uploads so that an upload re-analyses only its own sittings (the region's
/// reference moves for every school in them), then the indicators across years over all.
/// ГИА sittings (``GIASittingBuilder``) follow the ВПР ones and are redone when ГИА results
/// or the registry change.
public struct RegionAnalyser: Sendable {
    public let store: StateStore
    public let models: ReferenceModels
    public let seed: UInt64
    /// The risk levels' thresholds (the configuration's `highQ`, `mediumQ`, `lowQ`).
    public var thresholds: RiskModel.Thresholds
    /// Each sitting's own analysis, before the comparisons across years.
    private var alone: [SittingKey: SittingAnalysis] = [:]
    /// Each ГИА sitting's own analysis: redone when the context (ГИА, registry) changed.
    private var giaAlone: [SittingAnalysis]?

    public init(store: StateStore, models: ReferenceModels, seed: UInt64, thresholds: RiskModel.Thresholds) {
        self.store = store
        self.models = models
        self.seed = seed
        self.thresholds = thresholds
    }

    /// Re-analyses `sittings` (every sitting when `all`) from the store and returns every
    /// sitting's analysis with the indicators across years applied, in sitting order; nil
    /// when `stop` was raised meanwhile (sittings finished before it are kept).
    public mutating func refresh(_ sittings: Set<SittingKey>, all: Bool, stop: StopFlag = StopFlag()) throws -> [SittingAnalysis]? {
        let keys = try store.sittingKeys()
        let wanted = all ? Set(keys) : sittings.union(keys.filter { alone[$0] == nil })
        let registry = try store.registry()
        let gia = try store.giaResults()
        let toAnalyse = keys.filter { wanted.contains($0) }
        let loaded: [Sitting] = try toAnalyse.map { key in
            if stop.isRaised { return InputBatch.sitting(from: SittingAssembler(key: key), models: models) }
            var assembler = SittingAssembler(key: key)
            for batch in try store.batches(of: key) {
                // A batch whose tasks disagree with the sitting's first one cannot join it.
                try? assembler.add(batch)
            }
            return InputBatch.sitting(from: assembler, models: models)
        }
        let results = OrderedResults<SittingAnalysis?>(count: toAnalyse.count)
        let seed = self.seed
        LargestFirst.perform(sizes: loaded.map(\.works.count)) { i in
            guard !stop.isRaised else { return results.store(nil, at: i) }
            let context = SittingContext(for: toAnalyse[i], registry: registry, gia: gia.count > 0 ? [gia] : [])
            results.store(SittingAnalysis(sitting: loaded[i], context: context, seed: seed), at: i)
        }
        for (key, analysis) in zip(toAnalyse, results.take()) where analysis != nil { alone[key] = analysis }
        if stop.isRaised { return nil }
        for key in alone.keys where !keys.contains(key) { alone[key] = nil }
        if all || giaAlone == nil {
            let builder = GIASittingBuilder(minimums: models.giaMinimums, scales: models.scales,
                                            municipalityOfSchool: Dictionary(registry.map { ($0.login, $0.municipality) },
                                                                             uniquingKeysWith: { first, _ in first }))
            let giaSittings = builder.sittings(from: gia.count > 0 ? [gia] : [])
            let giaResults = OrderedResults<SittingAnalysis>(count: giaSittings.count)
            LargestFirst.perform(sizes: giaSittings.map(\.works.count)) { i in
                giaResults.store(SittingAnalysis(sitting: giaSittings[i], seed: seed), at: i)
            }
            giaAlone = giaResults.take()
        }
        var analyses = keys.compactMap { alone[$0] } + (giaAlone ?? [])
        CrossYearAnalysis.apply(to: &analyses, thresholds: thresholds)
        return analyses
    }
}
