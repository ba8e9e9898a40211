#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// A region's score shape tilted to one unit's level: f(s) ∝ region(s) · exp(λ s).
///
/// The null of the tests that ask whether a unit has more results near a cut than a school
/// of its own level would have: a strong school is compared with strong schools, not with
/// the region's mean. λ (logits per point) is fitted so that the tilted shape's mean equals
/// the unit's mean, both over the scores outside the windows under test — a window filled
/// by manipulation must not move the level it is judged against.
public enum TiltedShape {
    /// λ such that the tilted shape's mean over the scores `s` with `!excluded(s)` and a
    /// positive region weight equals the unit's mean over the same scores, on [−5, 5] (the
    /// tilted mean increases with λ); 0 when the unit has no such score.
    ///
    /// Newton's method from λ = 0 (the mean's derivative is the tilted variance), kept
    /// inside a bisection bracket: every unit of a country is fitted, and the sixty
    /// bisections it replaces took an exponential per score each.
    /// - Parameter counts: the unit's results per score (same length as the shape).
    public static func fittedTilt(regionShape: [Double], counts: [Int], excluded: (Int) -> Bool) -> Double {
        let outside = regionShape.indices.filter { !excluded($0) && regionShape[$0] > 0 }
        let n = outside.reduce(0) { $0 + counts[$1] }
        guard n > 0 else { return 0 }
        let target = Double(outside.reduce(0) { $0 + counts[$1] * $1 }) / Double(n)
        let top = Double(outside.last ?? 0)
        /// The tilted mean and variance at λ.
        func moments(_ lambda: Double) -> (mean: Double, variance: Double) {
            var weight = 0.0, first = 0.0, second = 0.0
            for s in outside {
                let x = Double(s)
                let w = regionShape[s] * exp(lambda * (x - top))
                weight += w
                first += w * x
                second += w * x * x
            }
            guard weight > 0 else { return (target, 0) }
            let mean = first / weight
            return (mean, max(0, second / weight - mean * mean))
        }
        var low = -5.0, high = 5.0, lambda = 0.0
        for _ in 0..<200 {
            let (mean, variance) = moments(lambda)
            if mean < target { low = lambda } else { high = lambda }
            var next = variance > 0 ? lambda + (target - mean) / variance : .nan
            if !(next > low && next < high) { next = (low + high) / 2 }
            if abs(next - lambda) <= 1e-14 * max(1, abs(lambda)) || high - low <= 1e-14 { return next }
            lambda = next
        }
        return lambda
    }

    /// The tilted shape's unnormalised weights, one per score.
    public static func weights(regionShape: [Double], tilt: Double) -> [Double] {
        regionShape.enumerated().map { s, w in w * exp(tilt * Double(s)) }
    }
}
