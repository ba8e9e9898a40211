/// Region-level bunching at every mark cut of a sitting.
public enum SittingBunching {
    /// Works per primary score, 0…maximum.
    public static func histogram(of sitting: Sitting) -> [Double] {
        var counts = [Double](repeating: 0, count: max(sitting.maxScore, Int(sitting.works.primaryScore.max() ?? 0)) + 1)
        for score in sitting.works.primaryScore where score >= 0 { counts[Int(score)] += 1 }
        return counts
    }

    /// The estimator for a sitting's scale: a quintic counterfactual where the scale has
    /// room for it, lower degrees on short scales (one degree per five score points, at
    /// least 2); other cuts leave out themselves and the score below.
    public static func estimator(forScoreBins bins: Int) -> BunchingEstimator {
        BunchingEstimator(polynomialDegree: max(2, min(5, bins / 5)), otherCutLowerWindow: 1)
    }

    /// The estimate at each known cut (marks 3, 4, 5), each fitted with the other cuts
    /// left out. Cuts the estimator cannot fit (too few bins) are skipped.
    /// - Parameters:
    ///   - estimator: `nil` chooses ``estimator(forScoreBins:)``.
    ///   - seed: seed of the bootstrap; the same seed gives the same numbers.
    public static func estimates(for sitting: Sitting, estimator chosen: BunchingEstimator? = nil,
                                 seed: UInt64) -> [(mark: Int, estimate: BunchingEstimate)] {
        let counts = histogram(of: sitting)
        let estimator = chosen ?? Self.estimator(forScoreBins: counts.count)
        let cuts = (3...5).compactMap { mark in sitting.scale.cut(for: mark).map { (mark: mark, cut: $0) } }
            .filter { $0.cut > 0 && $0.cut < counts.count }
        return cuts.compactMap { entry in
            let others = cuts.map(\.cut).filter { $0 != entry.cut }
            guard let estimate = try? estimator.estimate(counts: counts, cut: entry.cut, otherCuts: others, seed: seed) else {
                return nil
            }
            return (entry.mark, estimate)
        }
    }

    /// The region's score shape without bunching: the histogram with each cut's window
    /// replaced by its counterfactual. The null of the unit-level threshold test.
    public static func counterfactualShape(histogram: [Double], estimates: [(mark: Int, estimate: BunchingEstimate)]) -> [Double] {
        var shape = histogram
        for (_, e) in estimates {
            for (offset, value) in e.windowCounterfactual.enumerated() {
                let bin = e.cut - e.lowerWindow + offset
                if shape.indices.contains(bin) { shape[bin] = value }
            }
        }
        return shape
    }
}
