import ObjectivityCore
import ObjectivityService
import ObjectivityTesting
import Testing

@Suite struct RegionAnalyserTests {
    @Test func analysis_readsTheStore_andIsAbandonedWhenAStopIsRaised() throws {
        let state = try TemporaryState()
        defer { state.remove() }
        _ = try state.processor.process(state.claimFixture("good/vpr-2025-matematika-5.csv", sequence: 1))
        var analyser = RegionAnalyser(store: state.store, models: try Fixtures.models(), seed: 1, thresholds: .standard)
        let stop = StopFlag()
        stop.raise()
        #expect(try analyser.refresh([], all: true, stop: stop) == nil)
        let analyses = try #require(try analyser.refresh([], all: true))
        #expect(analyses.map(\.sitting.key) == [SittingKey(year: 2025, subject: "Математика", grade: 5)])
        #expect(analyses[0].units.reduce(0) { $0 + $1.works } == analyses[0].sitting.works.count)
    }
}
