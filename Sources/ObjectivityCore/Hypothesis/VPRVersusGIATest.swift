/// `vpr_vs_gia` for one unit: its ВПР level against the same school's centrally marked
/// ОГЭ in the same subject, relative to how the two go together across the region.
///
/// Both levels are in standard deviations of their own exam's works. Across the schools
/// that have both, the ВПР level is regressed on the ОГЭ level (weighted by works, refitted
/// once without the schools more than 2.5 robust SDs off the first line, so that inflated
/// schools do not bend the line toward themselves). A unit's residual, over its sampling
/// uncertainty √(var ВПР + slope² · var ОГЭ), is one-sided z: ВПР above what the school's
/// ОГЭ predicts. Effect: the residual, in SDs of the ВПР works.
public struct VPRVersusGIATest: Sendable {
    /// One school's pair of levels with their sampling variances.
    public struct Pair: Sendable, Equatable {
        public var vpr: Double, vprVariance: Double, gia: Double, giaVariance: Double, works: Int
        public init(vpr: Double, vprVariance: Double, gia: Double, giaVariance: Double, works: Int) {
            self.vpr = vpr
            self.vprVariance = vprVariance
            self.gia = gia
            self.giaVariance = giaVariance
            self.works = works
        }
    }

    public let intercept: Double
    public let slope: Double

    /// Fewer schools with both results than this leave the line flat at the mean.
    public static let minimumSchools = 10

    public init(pairs: [Pair]) {
        func line(_ points: [Pair]) -> (Double, Double) {
            var sw = 0.0, sx = 0.0, sy = 0.0, sxx = 0.0, sxy = 0.0
            for p in points {
                let w = Double(p.works)
                sw += w; sx += w * p.gia; sy += w * p.vpr; sxx += w * p.gia * p.gia; sxy += w * p.gia * p.vpr
            }
            guard sw > 0 else { return (0, 0) }
            let denominator = sw * sxx - sx * sx
            guard points.count >= Self.minimumSchools, denominator > 0 else { return (sy / sw, 0) }
            let b = (sw * sxy - sx * sy) / denominator
            return ((sy - b * sx) / sw, b)
        }
        var (a, b) = line(pairs)
        let residuals = pairs.map { p in (p.vpr - a - b * p.gia) / (p.vprVariance + b * b * p.giaVariance).squareRoot() }
        let sorted = residuals.map(abs).sorted()
        if !sorted.isEmpty {
            let spread = 1.4826 * sorted[sorted.count / 2]
            (a, b) = line(zip(pairs, residuals).filter { spread == 0 || abs($0.1) <= 2.5 * spread }.map(\.0))
        }
        intercept = a
        slope = b
    }

    public func test(_ pair: Pair) -> HypothesisTestResult {
        let expected = intercept + slope * pair.gia
        let z = (pair.vpr - expected) / (pair.vprVariance + slope * slope * pair.giaVariance).squareRoot()
        let caveats = SmallUnitCaveat.caveats(pair.works)
        return HypothesisTestResult(
            statistic: z, parameter: Double(pair.works), pValue: NormalDistribution().upperTail(z), estimate: pair.vpr - expected,
            method: "the unit's ВПР level against what the school's ОГЭ level predicts on the region's line (normal approximation, calibrated by the sitting's empirical null); estimate: ВПР above the prediction, SDs of the ВПР works",
            alternative: .greater, standardized: z, caveats: caveats)
    }
}
