#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Region-level bunching at a cut: a smooth counterfactual fitted to the score histogram
/// outside a window around the cut, and the excess mass on the cut against it.
///
/// Method (Kleven 2016; Chetty et al. 2011; R `bunching`): counts are fitted by a Poisson
/// log-linear regression on a polynomial in the score plus round-number heaping
/// indicators (multiplicative, as heaping is: a whole number holds about twice its
/// neighbours wherever it lies), leaving out the bins from `cut − lowerWindow` to
/// `cut + upperWindow` and the windows of the other cuts; the fit predicts what those bins
/// would hold without the threshold. Integer scores with 20–50 support points make this
/// a count regression on bins, not a kernel density. The fit is iteratively reweighted
/// least squares, each step a QR solve.
///
/// Window rule (documented, not tuned): the upper window is fixed (the cut itself for
/// integer ВПР scores, where nudging moves works exactly onto the cut); the lower window
/// is the smallest of 1…`maxLowerWindow` bins whose missing mass reaches
/// `balanceTolerance` (90 %) of the excess mass — the integration constraint that the
/// works on the cut came from just below it, with room for sampling noise in both.
///
/// Standard error: parametric bootstrap, each bin redrawn as Poisson with its observed
/// count and the whole estimate (with the chosen window) recomputed.
public struct BunchingEstimator: Sendable {
    /// Degree of the polynomial counterfactual.
    public var polynomialDegree: Int
    /// Bins on each side of the cut used in the fit; `nil` uses the whole histogram.
    public var bandwidth: Int?
    /// Round-number heaping on the lattice.
    public var heaping: [HeapingPattern]
    /// Widest lower window tried, in bins.
    public var maxLowerWindow: Int
    /// Bins above the cut that also receive nudged works.
    public var upperWindow: Int
    /// Bootstrap replicates for the standard error.
    public var bootstrapReplicates: Int
    /// Bins below each of the other cuts left out of the fit; `nil` uses `maxLowerWindow`.
    /// Short ВПР scales have cuts four points apart: leaving out a full window below every
    /// cut would leave too few bins to fit.
    public var otherCutLowerWindow: Int?
    /// Share of the excess the missing mass must reach for a window to be accepted.
    public static let balanceTolerance = 0.9

    public init(polynomialDegree: Int = 5, bandwidth: Int? = nil, heaping: [HeapingPattern] = [], maxLowerWindow: Int = 3,
                upperWindow: Int = 0, bootstrapReplicates: Int = 200, otherCutLowerWindow: Int? = nil) {
        self.polynomialDegree = polynomialDegree
        self.bandwidth = bandwidth
        self.heaping = heaping
        self.maxLowerWindow = maxLowerWindow
        self.upperWindow = upperWindow
        self.bootstrapReplicates = bootstrapReplicates
        self.otherCutLowerWindow = otherCutLowerWindow
    }

    /// Why an estimate could not be made.
    public enum Failure: Error, Equatable, Sendable {
        /// Too few bins outside the window for the polynomial and heaping terms.
        case tooFewBins(available: Int, needed: Int)
        /// The least-squares fit failed (a degenerate design).
        case fitFailed
    }

    /// Estimates the bunching at `cut`.
    /// - Parameters:
    ///   - counts: works per bin (score), in bin order.
    ///   - cut: the bin of the cut.
    ///   - otherCuts: bins of the sitting's other cuts; their windows
    ///     (`otherCutLowerWindow` below, `upperWindow` above) stay out of this cut's fit.
    ///   - seed: seed of the bootstrap's random stream (results are reproducible).
    public func estimate(counts: [Double], cut: Int, otherCuts: [Int] = [], seed: UInt64) throws(Failure) -> BunchingEstimate {
        precondition(counts.indices.contains(cut), "the cut lies inside the histogram")
        let low = max(0, cut - (bandwidth ?? counts.count))
        let high = min(counts.count - 1, cut + (bandwidth ?? counts.count))
        var chosen: (window: Int, parts: Parts)?
        var balanced = false
        for window in 1...max(1, maxLowerWindow) {
            let parts = try fit(counts, cut: cut, lowerWindow: window, range: low...high, otherCuts: otherCuts)
            chosen = (window, parts)
            if parts.missing >= Self.balanceTolerance * parts.excess {
                balanced = true
                break
            }
        }
        let (window, parts) = chosen!
        var rng = SplitMix64(seed: seed, stream: UInt64(cut))
        var sum = 0.0, sumSquares = 0.0
        var replicates = 0
        for _ in 0..<bootstrapReplicates {
            let resampled = counts.map { rng.nextPoisson(mean: $0) }
            guard let replicate = try? fit(resampled, cut: cut, lowerWindow: window, range: low...high, otherCuts: otherCuts) else { continue }
            sum += replicate.excess
            sumSquares += replicate.excess * replicate.excess
            replicates += 1
        }
        let mean = replicates > 0 ? sum / Double(replicates) : 0
        let variance = replicates > 1 ? max(0, (sumSquares - Double(replicates) * mean * mean) / Double(replicates - 1)) : 0
        return BunchingEstimate(
            cut: cut, lowerWindow: window, upperWindow: upperWindow, windowBalanced: balanced,
            observed: parts.observed, counterfactual: parts.counterfactual, excessMass: parts.excess,
            missingMass: parts.missing, standardError: variance.squareRoot(), totalWorks: counts.reduce(0, +),
            windowCounterfactual: parts.window)
    }

    private struct Parts {
        var observed: Double
        var counterfactual: Double
        var excess: Double
        var missing: Double
        var window: [Double]
    }

    private func fit(_ counts: [Double], cut: Int, lowerWindow: Int, range: ClosedRange<Int>, otherCuts: [Int]) throws(Failure) -> Parts {
        let excluded = (cut - lowerWindow)...(cut + upperWindow)
        let otherWindow = otherCutLowerWindow ?? maxLowerWindow
        let otherWindows = otherCuts.filter { $0 != cut }.map { ($0 - otherWindow)...($0 + upperWindow) }
        let half = Double(max(cut - range.lowerBound, range.upperBound - cut, 1))
        let columns = polynomialDegree + 1 + heaping.count
        func row(_ bin: Int) -> [Double] {
            let x = Double(bin - cut) / half
            var values: [Double] = []
            var power = 1.0
            for _ in 0...polynomialDegree {
                values.append(power)
                power *= x
            }
            for pattern in heaping { values.append(pattern.contains(bin) ? 1 : 0) }
            return values
        }
        let bins = range.filter { bin in !excluded.contains(bin) && !otherWindows.contains { $0.contains(bin) } }
        guard bins.count > columns else { throw .tooFewBins(available: bins.count, needed: columns + 1) }
        let rows = bins.map(row)
        let observed = bins.map { counts[$0] }
        // Poisson regression by IRLS, started from least squares on log(count + ½).
        var beta: [Double]
        do {
            beta = try LeastSquares.solve(design: Matrix(rows: rows.count, columns: columns, elements: rows.flatMap { $0 }),
                                          response: observed.map { log($0 + 0.5) })
        } catch {
            throw .fitFailed
        }
        for _ in 0..<25 {
            var weighted: [Double] = []
            weighted.reserveCapacity(rows.count * columns)
            var response: [Double] = []
            for (r, y) in zip(rows, observed) {
                let eta = min(50, zip(r, beta).reduce(0) { $0 + $1.0 * $1.1 })
                let mu = max(exp(eta), 1e-8)
                let w = mu.squareRoot()
                weighted.append(contentsOf: r.map { $0 * w })
                response.append((eta + (y - mu) / mu) * w)
            }
            guard let next = try? LeastSquares.solve(design: Matrix(rows: rows.count, columns: columns, elements: weighted),
                                                     response: response) else { throw .fitFailed }
            let change = zip(next, beta).reduce(0) { max($0, abs($1.0 - $1.1)) }
            beta = next
            if change < 1e-9 { break }
        }
        func predicted(_ bin: Int) -> Double { exp(min(50, zip(row(bin), beta).reduce(0) { $0 + $1.0 * $1.1 })) }
        var parts = Parts(observed: 0, counterfactual: 0, excess: 0, missing: 0,
                          window: ((cut - lowerWindow)...(cut + upperWindow)).map { range.contains($0) ? predicted($0) : 0 })
        for bin in cut...(cut + upperWindow) where range.contains(bin) {
            parts.observed += counts[bin]
            parts.counterfactual += predicted(bin)
        }
        parts.excess = parts.observed - parts.counterfactual
        for bin in (cut - lowerWindow)..<cut where range.contains(bin) {
            parts.missing += predicted(bin) - counts[bin]
        }
        return parts
    }
}
