import ObjectivityCore
import Testing

@Suite struct SchoolLevelModelTests {
    private static let groups: [SchoolLevelModel.Group] = [[10, 12, 11, 13], [15, 14, 16], [8, 9, 7, 10, 8],
                                                            [12, 12, 13, 11, 14, 12], [18, 17, 19]].map { values in
        var g = SchoolLevelModel.Group()
        for v in values { g.add(v) }
        return g
    }

    @Test func derSimonianLaird_matchesNumpyReference() {
        // "DL sigma2, tau2, mu" and "DL z" from fixtures/reference/core_reference.py (NumPy 2.4.6)
        let model = SchoolLevelModel(groups: Self.groups)
        #expect(abs(model.withinVariance - 1.2208333333333332) < 1e-12)
        #expect(abs(model.betweenVariance - 11.697254335260116) < 1e-9)
        #expect(abs(model.mean - 13.029075295384223) < 1e-9)
        #expect(abs(model.z(average: 18, count: 3) - 1.428792498005558) < 1e-9)
        // A small school is shrunk toward the region.
        #expect(model.shrunken(average: 18, count: 3) < 18)
    }

    @Test func selectiveLabelAlone_doesNotLowerTheEvidence_confirmingGIADoes() {
        let test = HighResultsTest(model: SchoolLevelModel(groups: Self.groups))
        let scores: ArraySlice<Int16> = [19, 20, 18, 19, 20, 19, 18, 20]
        let plain = test.test(scores: scores, selective: false, giaZ: nil)
        let labelled = test.test(scores: scores, selective: true, giaZ: nil)
        let confirmed = test.test(scores: scores, selective: true, giaZ: 1.2)
        #expect(labelled.pValue == plain.pValue)
        #expect(confirmed.pValue > plain.pValue)
        #expect(abs(confirmed.statistic - (plain.statistic - 1.2)) < 1e-12)
    }
}
