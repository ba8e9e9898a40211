/// `task_inversion` for one unit: are the advanced and open-answer tasks solved better than
/// the same works' basic tasks predict?
///
/// Lenient marking of open answers, and pupils helped with the hard tasks, leave the basic
/// (Б) tasks as they were and lift the advanced (П, В) and open-answer ones. From the
/// region's works the test learns the mean and variance of a work's advanced points given
/// its basic points; a unit's advanced points are compared with the sum of those
/// expectations over its works: z = (observed − expected) / √variance, one-sided. A task
/// counts as advanced if the export's Б/П/В row says П or В, or if its maximum is 2 or
/// more (an open answer a teacher marks by criteria); the basic side is the one-point
/// closed tasks, which leave a marker no room for generosity. A sitting without one-point
/// basic tasks (the ВПР in Russian is marked by criteria throughout) splits by the Б/П/В
/// row alone: there, generous marking lifts both sides and only help with the hard tasks
/// shows.
/// A work's basic points are a noisy measure of its pupil: in a strong school pupils are
/// better than their basic points alone suggest, and do better on the advanced tasks too.
/// So the expectation is also adjusted for the unit's level: across the sitting's units
/// of at least 10 works, the excess per work is regressed (weighted by works) on the
/// unit's mean basic points and its square, and that curve is part of the null.
/// Effect: excess advanced points per work, in points.
public struct TaskProfileTest: Sendable {
    /// Whether each task counts as advanced.
    public let advanced: [Bool]
    private let means: [Double]
    private let variances: [Double]

    /// Learns the region's relation from all works of `sitting`.
    public init(sitting: Sitting) {
        advanced = Self.advancedTasks(sitting.tasks)
        let basicMax = zip(sitting.tasks, advanced).filter { !$0.1 }.reduce(0) { $0 + $1.0.maxScore }
        var sum = [Double](repeating: 0, count: basicMax + 1)
        var sumSquares = sum
        var count = sum
        for w in 0..<sitting.works.count {
            let (basic, adv) = Self.split(sitting.works.taskScores(ofWork: w), advanced: advanced)
            sum[basic] += Double(adv)
            sumSquares[basic] += Double(adv * adv)
            count[basic] += 1
        }
        // Pool sparse basic scores with their neighbours so every cell has a usable estimate.
        var means = [Double](repeating: 0, count: basicMax + 1)
        var variances = means
        for b in 0...basicMax {
            var s = 0.0, ss = 0.0, n = 0.0, radius = 0
            while n < 30, radius <= basicMax {
                for c in [b - radius, b + radius] where c >= 0 && c <= basicMax && (radius > 0 || c == b) {
                    s += sum[c]
                    ss += sumSquares[c]
                    n += count[c]
                }
                radius += 1
            }
            means[b] = n > 0 ? s / n : 0
            variances[b] = n > 1 ? max(0.25, (ss - s * s / n) / (n - 1)) : 1
        }
        self.means = means
        self.variances = variances
    }

    /// Which tasks count as advanced (see the type's documentation): П or В, or open
    /// answers when the sitting has one-point basic tasks to set against them.
    public static func advancedTasks(_ tasks: [TaskDescriptor]) -> [Bool] {
        let closedBasic = tasks.contains { ($0.level ?? .basic) == .basic && $0.maxScore == 1 }
        return tasks.map { ($0.level ?? .basic) != .basic || (closedBasic && $0.maxScore >= 2) }
    }

    /// Points of one work on basic and on advanced tasks (not attempted counts 0). Masks,
    /// not branches: run for every work of a sitting twice, a jump per task on its level was
    /// mispredicted about as often as taken.
    static func split(_ scores: ArraySlice<Int8>, advanced: [Bool]) -> (basic: Int, advanced: Int) {
        var basic = 0, adv = 0
        scores.withUnsafeBufferPointer { scores in
            advanced.withUnsafeBufferPointer { advanced in
                for k in 0..<Swift.min(scores.count, advanced.count) {
                    let points = Swift.max(0, Int(scores[k]))
                    let mask = advanced[k] ? -1 : 0
                    adv &+= points & mask
                    basic &+= points & ~mask
                }
            }
        }
        return (basic, adv)
    }

    /// The test for every school of `sitting`, by school id, with the level adjustment
    /// learned from all of them.
    public func tests(sitting: Sitting) -> [Int32: HypothesisTestResult] {
        // An array in school order, not a dictionary: the sums below must not depend on
        // hash order, or the same input would give different last digits run to run.
        var sums: [(school: Int32, sums: UnitSums)] = []
        var regionBasic = 0.0
        for school in 0..<Int32(sitting.schools.count) {
            var u = UnitSums()
            for w in sitting.rows(ofSchool: school) {
                let (basic, adv) = Self.split(sitting.works.taskScores(ofWork: w), advanced: advanced)
                let b = min(basic, means.count - 1)
                u.observed += Double(adv)
                u.expected += means[b]
                u.variance += variances[b]
                u.basic += Double(basic)
                u.works += 1
            }
            regionBasic += u.basic
            if u.works > 0 { sums.append((school, u)) }
        }
        regionBasic /= Double(max(1, sitting.works.count))
        // Weighted least squares of excess per work on the unit's mean basic points and its
        // square (basic tasks saturate in strong schools, so the relation bends), refitted
        // once without the units more than 2.5 robust SDs off the first curve, so that units
        // with bent results do not pull the null toward themselves.
        var fitted: [LevelPoint] = []
        for (_, u) in sums where u.works >= ThresholdPeakTest.smallUnit {
            let n = Double(u.works)
            fitted.append(LevelPoint(x: u.basic / n - regionBasic, y: (u.observed - u.expected) / n, w: n))
        }
        var curve = Self.levelCurve(fitted)
        let standardized: [Double] = fitted.map { point in (point.y - curve.at(point.x)) * point.w.squareRoot() }
        let sorted = standardized.map(abs).sorted()
        if !sorted.isEmpty {
            let spread = 1.4826 * sorted[sorted.count / 2]
            var kept: [LevelPoint] = []
            for (point, z) in zip(fitted, standardized) where spread == 0 || abs(z) <= 2.5 * spread { kept.append(point) }
            curve = Self.levelCurve(kept)
        }
        var results: [Int32: HypothesisTestResult] = [:]
        for (school, u) in sums {
            let n = Double(u.works)
            let expected = u.expected + n * curve.at(u.basic / n - regionBasic)
            let z = u.variance > 0 ? (u.observed - expected) / u.variance.squareRoot() : 0
            var caveats = SmallUnitCaveat.caveats(u.works)
            if !advanced.contains(true) || !advanced.contains(false) { caveats.append("no split between basic and advanced tasks") }
            results[school] = HypothesisTestResult(
                statistic: z, parameter: n, pValue: NormalDistribution().upperTail(z), estimate: (u.observed - expected) / n,
                method: "advanced-task points against what the same works' basic points and the unit's level predict in the region (normal approximation, calibrated by the sitting's empirical null); estimate: excess points per work",
                alternative: .greater, standardized: z, caveats: caveats)
        }
        return results
    }

    /// The null's excess per work as a function of the unit's centred mean basic points.
    private struct LevelCurve {
        var coefficients: [Double]
        func at(_ x: Double) -> Double { coefficients[0] + coefficients[1] * x + coefficients[2] * x * x }
    }

    /// Weighted least squares (QR on √w-scaled rows) of y on 1, x, x²; a flat line at the
    /// weighted mean when the points cannot carry a curve.
    private static func levelCurve(_ points: [LevelPoint]) -> LevelCurve {
        let totalWeight = points.reduce(0) { $0 + $1.w }
        let mean = totalWeight > 0 ? points.reduce(0) { $0 + $1.w * $1.y } / totalWeight : 0
        guard points.count >= 10 else { return LevelCurve(coefficients: [mean, 0, 0]) }
        var design: [Double] = [], response: [Double] = []
        for p in points {
            let r = p.w.squareRoot()
            design += [r, r * p.x, r * p.x * p.x]
            response.append(r * p.y)
        }
        guard let beta = try? LeastSquares.solve(design: Matrix(rows: points.count, columns: 3, elements: design), response: response),
              beta.allSatisfy(\.isFinite) else { return LevelCurve(coefficients: [mean, 0, 0]) }
        return LevelCurve(coefficients: beta)
    }

    /// A unit's running sums: advanced points observed and expected, their variance, basic points, works.
    private struct UnitSums {
        var observed = 0.0, expected = 0.0, variance = 0.0, basic = 0.0, works = 0
    }

    /// One unit in the level regression: mean basic points (centred), excess per work, weight.
    private struct LevelPoint {
        var x: Double
        var y: Double
        var w: Double
    }
}
