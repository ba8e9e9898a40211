extension SittingAnalysis {
    /// A ГИА sitting (``GIASittingBuilder``): region-level bunching at every cut, and per
    /// school `gia_threshold_peak` and `gia_minimum_share`; `gia_minimum_trend` is added
    /// across years (``CrossYearAnalysis``).
    ///
    /// ГИА is marked centrally: a pile of results on a cut across the whole region is the
    /// regional commission's (or the conduct's) and is reported at region level, in the
    /// bunching estimates. Each school is therefore compared with the region's own score
    /// distribution as it is, tilted to the school's level — the same threshold test as ВПР
    /// (``ThresholdPeakTest``), whose null there is the bunching-free shape because each
    /// school's teachers mark their own works.
    static func gia(_ sitting: Sitting, seed: UInt64) -> SittingAnalysis {
        let histogram = SittingBunching.histogram(of: sitting)
        let bunching = SittingBunching.estimates(for: sitting, seed: seed)
        let cuts = (3...5).compactMap { sitting.scale.cut(for: $0) }
        let threshold = ThresholdPeakTest(regionShape: histogram, cuts: cuts)
        let minimumCut = sitting.scale.cut(for: 3) ?? 0
        let minimum = GIAMinimumShareTest(regionShape: histogram, cut: min(minimumCut, histogram.count - 1))
        var units: [UnitResult] = []
        for school in 0..<Int32(sitting.schools.count) {
            let rows = sitting.rows(ofSchool: school)
            guard !rows.isEmpty else { continue }
            var counts = [Int](repeating: 0, count: histogram.count)
            var held = 0
            for row in rows {
                let score = Int(sitting.works.primaryScore[row])
                counts[score] += 1
                if score >= minimumCut, sitting.works.mark[row] == 2 { held += 1 }
            }
            let outcome = minimum.test(counts: counts)
            var detail: [String: Double] = [
                "minimum": Double(minimumCut), "band": Double(minimum.band), "at_minimum": Double(outcome.onCut),
                "expected_at_minimum": rounded(outcome.expectedOnCut),
                "band_above": Double(outcome.above), "expected_above": rounded(outcome.expectedAbove),
                "band_below": Double(outcome.below), "expected_below": rounded(outcome.expectedBelow),
                "share": rounded(outcome.share), "expected_share": rounded(outcome.expectedShare),
            ]
            if held > 0 { detail["held_by_condition"] = Double(held) }
            let indicators = [
                IndicatorResult(code: "gia_threshold_peak", test: threshold.pooledTest(counts: counts)),
                IndicatorResult(code: "gia_minimum_share", detail: IndicatorDetail(detail), test: outcome.test),
            ]
            units.append(UnitResult(sitting: sitting.key, school: sitting.schools[school], works: rows.count,
                                    indicators: indicators, riskScore: 0, riskLevel: .none))
        }
        RiskModel.apply(to: &units)
        return SittingAnalysis(sitting: sitting, bunching: bunching, units: units, peerGroups: nil)
    }

    private static func rounded(_ x: Double) -> Double { (x * 10_000).rounded() / 10_000 }
}
