#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// `journal_discrepancy/inflated_journal`: the journal-side evidence of one unit taken
/// together — «Понизили» against the region at the unit's level, gaps of two marks or
/// more, the spread of journal marks around what the scores predict (an inflated journal
/// raises some works' marks and not others; an honestly lenient one shifts them all), and
/// the journal's change against the school's other years.
///
/// The parts are calibrated one by one first, but «Понизили» and the large gaps count
/// some of the same works, so Fisher's χ² with 2k degrees of freedom would overstate the
/// evidence (on seed 12: 1.5 % of honest units at p < 0.01). Brown's method (Brown 1975;
/// Kost & McDermott 2002) keeps the statistic X = −2 Σ ln pᵢ and refers X / c to χ² with
/// f degrees of freedom, where E[X] = 2k, Var[X] = 4k + 2 Σ_{i<j} Cov(−2 ln pᵢ, −2 ln pⱼ),
/// c = Var / (2 E) and f = 2 E² / Var. Each covariance comes from the correlation ρ of the
/// parts' normal scores zᵢ = Φ⁻¹(1 − pᵢ) (clamped to ±4) over the sitting's units, through
/// Kost & McDermott's fit Cov ≈ 3.263 ρ + 0.710 ρ² + 0.027 ρ³ — the raw −2 ln p of a few
/// strongly bent units would dominate a plain covariance (a scale of 4 on seed 12, leaving
/// 2 % of honest units at p < 0.05). Bent units can only raise ρ, which makes the
/// combination more conservative, never less.
struct JournalEvidenceCombination {
    static let parts = ["journal_discrepancy/lowered", "journal_discrepancy/large_gaps", "journal_discrepancy/spread", "year_jump/journal"]
    /// Cov(−2 ln pᵢ, −2 ln pⱼ) under the null, `parts` × `parts`; 0 where fewer than 30 of
    /// the sitting's units hold both parts.
    let covariance: [[Double]]

    init(units: [UnitResult]) {
        let k = Self.parts.count
        let normal = NormalDistribution()
        let scores: [[Double?]] = units.map { unit in
            Self.parts.map { family in
                unit.indicators.firstIndex { $0.isFamily(family) }.map { i in
                    min(4, max(-4, normal.quantile(1 - max(1e-300, min(1, unit.indicators[i].test.pValue)))))
                }
            }
        }
        var covariance = [[Double]](repeating: [Double](repeating: 0, count: k), count: k)
        for i in 0..<k {
            for j in (i + 1)..<k {
                let pairs = scores.compactMap { row -> (Double, Double)? in
                    guard let a = row[i], let b = row[j] else { return nil }
                    return (a, b)
                }
                guard pairs.count >= 30 else { continue }
                let n = Double(pairs.count)
                let meanA = pairs.reduce(0) { $0 + $1.0 } / n, meanB = pairs.reduce(0) { $0 + $1.1 } / n
                var ab = 0.0, aa = 0.0, bb = 0.0
                for (a, b) in pairs { ab += (a - meanA) * (b - meanB); aa += (a - meanA) * (a - meanA); bb += (b - meanB) * (b - meanB) }
                guard aa > 0, bb > 0 else { continue }
                let rho = ab / (aa * bb).squareRoot()
                let c = 3.263 * rho + 0.710 * rho * rho + 0.027 * rho * rho * rho
                covariance[i][j] = c
                covariance[j][i] = c
            }
        }
        self.covariance = covariance
    }

    /// The combination for one unit, or `nil` without «Понизили» or with fewer than two parts.
    func inflatedJournal(_ unit: UnitResult) -> IndicatorResult? {
        // Parts by position in the unit's results: a result taken out of the array is a
        // copy, each of its strings and arrays retained and released (some 1 % of a
        // national scan's CPU here).
        let present = Self.parts.indices.compactMap { part in
            unit.indicators.firstIndex { $0.isFamily(Self.parts[part]) }.map { (part: part, result: $0) }
        }
        guard present.count >= 2, let lowered = present.first(where: { $0.part == 0 })?.result else { return nil }
        let statistic = present.reduce(0.0) { $0 - 2 * log(max(1e-300, unit.indicators[$1.result].test.pValue)) }
        let expectation = 2 * Double(present.count)
        var variance = 4 * Double(present.count)
        for a in present.indices {
            for b in present.indices where b > a { variance += 2 * max(0, covariance[present[a].part][present[b].part]) }
        }
        let scale = variance / (2 * expectation)
        let degrees = 2 * expectation * expectation / variance
        return IndicatorResult(code: "journal_discrepancy", direction: "inflated_journal",
                               detail: ["parts": Double(present.count), "brown_scale": (scale * 100).rounded() / 100],
                               test: HypothesisTestResult(
                                   statistic: statistic, parameter: degrees,
                                   pValue: ChiSquaredDistribution(degreesOfFreedom: degrees).upperTail(statistic / scale),
                                   estimate: unit.indicators[lowered].test.estimate,
                                   method: "Brown's combination of «Понизили» against the region, gaps of two marks or more, the spread of journal marks around the scores and the journal's change against the school's other years (covariances from the sitting's units); estimate: the excess share of «Понизили»",
                                   alternative: .greater, caveats: unit.indicators[lowered].test.caveats))
    }
}
