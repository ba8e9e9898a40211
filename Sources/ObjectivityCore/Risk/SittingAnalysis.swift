/// Every unit-level indicator over every school of one sitting, with multiplicity control
/// and risk: the statistical heart of `objectivity scan`. Pure: a sitting in, results out.
public struct SittingAnalysis: Sendable {
    public let sitting: Sitting
    /// Bunching at each cut, region level.
    public let bunching: [(mark: Int, estimate: BunchingEstimate)]
    public let units: [UnitResult]

    /// - Parameter seed: seed of the bootstrap (region bunching); results are reproducible.
    public init(sitting: Sitting, seed: UInt64) {
        self.sitting = sitting
        let histogram = SittingBunching.histogram(of: sitting)
        let bunching = SittingBunching.estimates(for: sitting, seed: seed)
        self.bunching = bunching
        let shape = SittingBunching.counterfactualShape(histogram: histogram, estimates: bunching)
        let cuts = (3...5).compactMap { sitting.scale.cut(for: $0) }
        let threshold = ThresholdPeakTest(regionShape: shape, cuts: cuts)
        let journal = JournalDiscrepancyTest(vpr: sitting.works.mark, journal: sitting.works.journalMark)
        var units: [UnitResult] = []
        for school in 0..<Int32(sitting.schools.count) {
            let rows = sitting.rows(ofSchool: school)
            guard !rows.isEmpty else { continue }
            var counts = [Int](repeating: 0, count: shape.count)
            for row in rows { counts[Int(sitting.works.primaryScore[row])] += 1 }
            var indicators: [IndicatorResult] = []
            let peaks = threshold.test(counts: counts)
            if let best = peaks.enumerated().min(by: { $0.element.pValue < $1.element.pValue }) {
                var test = best.element
                test.pValue = min(1, test.pValue * Double(peaks.count))  // Bonferroni over the cuts
                indicators.append(IndicatorResult(code: "threshold_peak", detail: ["cut": Double(threshold.cuts[best.offset])], test: test))
            }
            let discrepancy = journal.test(vpr: sitting.works.mark[rows], journal: sitting.works.journalMark[rows])
            indicators.append(IndicatorResult(code: "journal_discrepancy", direction: "confirmed", test: discrepancy.confirmed))
            indicators.append(IndicatorResult(code: "journal_discrepancy", direction: "lowered", test: discrepancy.lowered))
            indicators.append(IndicatorResult(code: "journal_discrepancy", direction: "large_gaps", test: discrepancy.largeGaps))
            units.append(UnitResult(sitting: sitting.key, school: sitting.schools[school], works: rows.count,
                                    indicators: indicators, riskScore: 0, riskLevel: .none))
        }
        RiskModel.apply(to: &units)
        self.units = units
    }
}
