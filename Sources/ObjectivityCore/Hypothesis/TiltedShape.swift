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
    /// positive region weight equals the unit's mean over the same scores (bisection on
    /// [−5, 5]: the tilted mean increases with λ); 0 when the unit has no such score.
    /// - Parameter counts: the unit's results per score (same length as the shape).
    public static func fittedTilt(regionShape: [Double], counts: [Int], excluded: (Int) -> Bool) -> Double {
        let outside = regionShape.indices.filter { !excluded($0) && regionShape[$0] > 0 }
        let n = outside.reduce(0) { $0 + counts[$1] }
        guard n > 0 else { return 0 }
        let target = Double(outside.reduce(0) { $0 + counts[$1] * $1 }) / Double(n)
        func mean(_ lambda: Double) -> Double {
            var weight = 0.0, moment = 0.0
            let top = Double(outside.last ?? 0)
            for s in outside {
                let w = regionShape[s] * exp(lambda * (Double(s) - top))
                weight += w
                moment += w * Double(s)
            }
            return weight > 0 ? moment / weight : target
        }
        var low = -5.0, high = 5.0
        for _ in 0..<60 {
            let mid = (low + high) / 2
            if mean(mid) < target { low = mid } else { high = mid }
        }
        return (low + high) / 2
    }

    /// The tilted shape's unnormalised weights, one per score.
    public static func weights(regionShape: [Double], tilt: Double) -> [Double] {
        regionShape.enumerated().map { s, w in w * exp(tilt * Double(s)) }
    }
}
