/// Calibrates a family of unit-level tests against the spread the units themselves show
/// (Efron's empirical null, with a between-unit variance component).
///
/// Tests that treat a school's works as independent understate honest variation between
/// schools: journals differ in leniency, classes in their teacher. That variation adds to
/// a unit's sampling variance in proportion to its size — a standardised statistic z of a
/// unit of n works has, under the honest null, variance 1 + τ²·n, where τ² is the
/// between-unit variance per work. Over a sitting most units are honest, so the bulk of
/// their statistics shows the real null: τ² is chosen so that z / √(1 + τ²·n) has the
/// robust spread of a standard normal (1.4826 × MAD = 1), and the centre is the median of
/// those rescaled statistics. One scale for every size would over-penalise small units and
/// let large honest units through.
///
/// A unit's p-value is then the larger of the exact p-value and the upper tail of its
/// rescaled statistic — never less conservative than the exact test.
public struct EmpiricalNull: Sendable, Equatable {
    /// Centre of the rescaled statistics, ≥ 0.
    public let center: Double
    /// Between-unit variance per work, τ² ≥ 0, in squared z units per work.
    public let betweenVariance: Double

    /// Fewer statistics than this leave the theoretical null (centre 0, τ² = 0) in force.
    public static let minimumUnits = 30

    /// Estimates the null from the standardised statistics of a family and the numbers of
    /// works behind them (the same order).
    public init(standardized: [Double], works: [Int]) {
        let pairs = zip(standardized, works).filter { $0.0.isFinite && $0.1 > 0 }
        guard pairs.count >= Self.minimumUnits else {
            center = 0
            betweenVariance = 0
            return
        }
        // The bisection below takes some forty spreads of every unit of a sitting (a
        // national one has 40,000): the statistics are rescaled into one scratch buffer
        // and their median selected in place, with no array per step. Whether the spread
        // 1.4826 × MAD exceeds 1 needs no second selection: that is whether the median
        // deviation exceeds `widest`, the largest deviation that 1.4826 × it does not
        // take above 1, which one pass counting the deviations up to it decides (and, when
        // `widest` falls between the two middle ones of an even count, finds them both).
        // Units share a few hundred sizes: each step takes the square root 1 + τ²·n once per
        // size, not once per unit (the same divisor, so the same rescaled statistics).
        let statistics = pairs.map(\.0)
        let distinctSizes = Array(Set(pairs.map(\.1))).sorted()
        let place = Dictionary(uniqueKeysWithValues: distinctSizes.enumerated().map { ($1, $0) })
        let sizeIndex = pairs.map { place[$0.1]! }
        let sizes = distinctSizes.map(Double.init)
        var divisors = [Double](repeating: 1, count: sizes.count)
        var scratch = [Double](repeating: 0, count: pairs.count), band = scratch
        // Successive steps move the median little: each looks for it near the last one.
        var lastCenter: Double?
        let widest = Self.widestDeviation
        func spread(_ tau2: Double) -> (center: Double, isWide: Bool) {
            for d in divisors.indices { divisors[d] = (1 + tau2 * sizes[d]).squareRoot() }
            let guess = lastCenter
            let result: (center: Double, isWide: Bool) = statistics.withUnsafeBufferPointer { statistic in
                sizeIndex.withUnsafeBufferPointer { sizeIndex in
                    divisors.withUnsafeBufferPointer { divisor in
                        scratch.withUnsafeMutableBufferPointer { u in
                            for i in u.indices { u[i] = statistic[i] / divisor[sizeIndex[i]] }
                            let m = guess.map { guess in
                                band.withUnsafeMutableBufferPointer { Self.median(in: u, near: guess, width: Self.bandWidth, band: $0) }
                            } ?? Median.inPlace(u)
                            var within = 0, largestWithin = -Double.infinity, smallestBeyond = Double.infinity
                            for value in u {
                                let deviation = abs(value - m)
                                if deviation <= widest {
                                    within += 1
                                    largestWithin = Swift.max(largestWithin, deviation)
                                } else {
                                    smallestBeyond = Swift.min(smallestBeyond, deviation)
                                }
                            }
                            let n = u.count, half = n / 2
                            // The sorted deviations' middle one (odd n), or their middle two
                            // (even n) either side of `widest` or not.
                            guard n % 2 == 0, within == half else { return (m, within <= half - (n % 2 == 0 ? 1 : 0)) }
                            return (m, 1.4826 * ((largestWithin + smallestBeyond) / 2) > 1)
                        }
                    }
                }
            }
            lastCenter = result.center
            return result
        }
        let untouched = spread(0)
        guard untouched.isWide else {
            center = max(0, untouched.center)
            betweenVariance = 0
            return
        }
        // The spread falls as τ² grows; bisect on it between 0 and a τ² that certainly
        // overshoots (the smallest unit's statistic divided to nothing).
        var low = 0.0, high = 1.0
        while spread(high).isWide, high < 1e6 { high *= 4 }
        for _ in 0..<40 {  // the bracket shrinks by 2⁻⁴⁰: far below any τ² that matters
            let middle = (low + high) / 2
            if spread(middle).isWide { low = middle } else { high = middle }
        }
        betweenVariance = high
        center = max(0, spread(high).center)
    }

    /// The largest deviation d with 1.4826 × d ≤ 1 in floating point: a median deviation
    /// above it, and only such, gives a spread above 1.
    static let widestDeviation: Double = {
        var d = 1 / 1.4826
        while 1.4826 * d > 1 { d = d.nextDown }
        while 1.4826 * d.nextUp <= 1 { d = d.nextUp }
        return d
    }()

    /// How much wider than its model the null of a unit of `works` works is.
    public func scale(works: Int) -> Double { (1 + betweenVariance * Double(max(0, works))).squareRoot() }

    /// The calibrated one-sided p-value of a test with `exact` p and statistic `z` on a
    /// unit of `works` works.
    public func pValue(exact: Double, standardized z: Double?, works: Int) -> Double {
        guard let z, betweenVariance > 0 || center > 0 else { return exact }
        return max(exact, NormalDistribution().upperTail(z / scale(works: works) - center))
    }

    /// Half the width of the band of rescaled statistics around the last median in which
    /// ``median(in:near:width:band:)`` looks first (the statistics have a spread near 1: a
    /// band of ±0.1 holds some 8 % of them).
    static let bandWidth = 0.1

    /// ``Median/inPlace(_:)`` when the median is likely near `guess`: one pass counts the values
    /// below `guess − width` and copies those within `width` of it into `band` (room for
    /// all of `a`), and the selection runs in the band alone — in place of partitioning
    /// all of `a` several times. When the median is not in the band, ``Median/inPlace(_:)`` of `a`.
    /// The same value either way.
    static func median(in a: UnsafeMutableBufferPointer<Double>, near guess: Double, width: Double,
                       band: UnsafeMutableBufferPointer<Double>) -> Double {
        let n = a.count, k = n / 2
        let lowest = guess - width, highest = guess + width
        var below = 0, inBand = 0, largestBelow = -Double.infinity
        for value in a {
            if value < lowest {
                below += 1
                largestBelow = Swift.max(largestBelow, value)
            } else if value <= highest {
                band[inBand] = value
                inBand += 1
            }
        }
        guard below <= k, k < below + inBand else { return Median.inPlace(a) }
        let kept = UnsafeMutableBufferPointer(rebasing: band[0..<inBand])
        let rank = k - below
        let upper = Median.select(kept, rank)
        guard n % 2 == 0 else { return upper }
        // The largest of the lower half: below the band, or left before `rank` by selection.
        var largest = largestBelow
        for i in 0..<rank { largest = Swift.max(largest, kept[i]) }
        return (largest + upper) / 2
    }
}
