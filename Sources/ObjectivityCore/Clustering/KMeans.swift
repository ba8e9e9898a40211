/// k-means with k-means++ seeding (Arthur & Vassilvitskii, 2007, each seed's distances by
/// ``Matrix/squaredDistances(to:ownNorms:)``) and Lloyd's iterations.
/// Seeded: the same points and seed give the same groups.
public struct KMeans: Sendable {
    public let assignments: [Int]
    public let centroids: Matrix
    /// Σ squared distances to the assigned centroids.
    public let inertia: Double

    public static let maximumIterations = 100
    public static let restarts = 4

    public init(points: Matrix, k: Int, seed: UInt64) {
        precondition(k >= 1 && k <= max(1, points.rows), "1 ≤ k ≤ points")
        var best: (assignments: [Int], centroids: Matrix, inertia: Double)?
        let norms = points.rowSquaredNorms()
        for restart in 0..<Self.restarts {
            var rng = SplitMix64(seed: seed, stream: UInt64(k), UInt64(restart))
            let run = Self.lloyd(points, centroids: Self.seeds(points, norms: norms, k: k, rng: &rng))
            if best == nil || run.inertia < best!.inertia { best = run }
        }
        assignments = best!.assignments
        centroids = best!.centroids
        inertia = best!.inertia
    }

    /// k-means++: each next seed drawn with probability proportional to its squared
    /// distance from the nearest seed so far.
    /// - Parameter norms: `points.rowSquaredNorms()`.
    private static func seeds(_ points: Matrix, norms: [Double], k: Int, rng: inout SplitMix64) -> Matrix {
        let n = points.rows, d = points.columns
        var chosen = [min(n - 1, Int(rng.nextUnit() * Double(n)))]
        var nearest = [Double](repeating: .infinity, count: n)
        while chosen.count < k {
            let last = Matrix(rows: 1, columns: d, elements: Array(points.elements[(chosen.last! * d)..<((chosen.last! + 1) * d)]))
            let distances = points.squaredDistances(to: last, ownNorms: norms)
            for i in 0..<n { nearest[i] = min(nearest[i], distances.elements[i]) }
            let total = nearest.reduce(0, +)
            guard total > 0 else { chosen.append(chosen.count % n); continue }
            var target = rng.nextUnit() * total, pick = n - 1
            for i in 0..<n {
                target -= nearest[i]
                if target <= 0 { pick = i; break }
            }
            chosen.append(pick)
        }
        return Matrix(rows: k, columns: d, elements: chosen.flatMap { points.elements[($0 * d)..<(($0 + 1) * d)] })
    }

    /// Lloyd's iterations from `start` until no point changes its group, with Hamerly's
    /// bounds (Hamerly, 2010): the same assignments, without measuring most distances.
    ///
    /// Each point keeps an upper bound on the distance to its own centroid and a lower
    /// bound on the distance to any other; when the centroids move, the bounds widen by
    /// how far they moved. A point whose upper bound is below both its lower bound and half
    /// the distance from its centroid to the nearest other one cannot change group, and is
    /// skipped. After the first few iterations that is nearly every point: a clustering of
    /// a country's sittings ran some thousand full iterations over ten thousand units.
    /// A point that may change is measured against all centroids at once (k ≤ 8, one lane
    /// each of an eight-lane vector), the nearest taken first of equals, as before.
    private static func lloyd(_ points: Matrix, centroids start: Matrix) -> (assignments: [Int], centroids: Matrix, inertia: Double) {
        let n = points.rows, d = points.columns, k = start.rows
        precondition(k <= SIMD8<Double>.scalarCount, "at most eight groups")
        var centroids = start, assignments = [Int](repeating: 0, count: n)
        // Per point and per group, in raw buffers: array accesses in the loop over points
        // would each pay a bounds and a uniqueness check.
        let upper = UnsafeMutableBufferPointer<Double>.allocate(capacity: n), lower = UnsafeMutableBufferPointer<Double>.allocate(capacity: n)
        let sum = UnsafeMutableBufferPointer<Double>.allocate(capacity: k * d), count = UnsafeMutableBufferPointer<Double>.allocate(capacity: k)
        defer { for buffer in [upper, lower, sum, count] { buffer.deallocate() } }
        upper.initialize(repeating: .infinity)
        lower.initialize(repeating: 0)
        sum.initialize(repeating: 0)
        count.initialize(repeating: 0)
        // Component j of every centroid, lane c for centroid c.
        var lanes = [SIMD8<Double>](repeating: .zero, count: d)
        // Half the distance from each centroid to its nearest other; how far each moved.
        var half = [Double](repeating: 0, count: k), moved = [Double](repeating: 0, count: k)
        var largest = 0.0, largestAt = -1, secondLargest = 0.0
        var previous = centroids.elements
        for iteration in 0..<maximumIterations {
            for j in 0..<d { for c in 0..<k { lanes[j][c] = centroids.elements[c * d + j] } }
            for c in 0..<k {
                var nearest = Double.infinity
                for other in 0..<k where other != c {
                    nearest = min(nearest, Self.squaredDistance(centroids.elements, c, centroids.elements, other, d))
                }
                half[c] = 0.5 * nearest.squareRoot()
            }
            var changed = iteration == 0
            points.elements.withUnsafeBufferPointer { point in
                lanes.withUnsafeBufferPointer { lane in
                    assignments.withUnsafeMutableBufferPointer { assigned in
                        for i in 0..<n {
                            let own = assigned[i]
                            // The bounds widened by the last iteration's moves (none before
                            // the first), here rather than in a pass of their own: most
                            // iterations skip nearly every point, and a second pass over
                            // the bounds was half of each.
                            upper[i] += moved[own]
                            lower[i] -= own == largestAt ? secondLargest : largest
                            let bound = max(half[own], lower[i])
                            if upper[i] < bound { continue }
                            var distance = SIMD8<Double>.zero
                            for j in 0..<d {
                                let difference = SIMD8<Double>(repeating: point[i * d + j]) - lane[j]
                                distance += difference * difference
                            }
                            // The nearest (the first of equals) and the second nearest, in
                            // registers: conditional moves, not a branch per centroid.
                            var best = 0, nearest = distance[0], second = Double.infinity
                            for c in 1..<k {
                                let candidate = distance[c]
                                second = candidate < nearest ? nearest : min(second, candidate)
                                best = candidate < nearest ? c : best
                                nearest = candidate < nearest ? candidate : nearest
                            }
                            if own != best || iteration == 0 {
                                // The group sums follow the points that move (a full pass
                                // each iteration was most of the clustering's time).
                                if iteration > 0 {
                                    for j in 0..<d { sum[own * d + j] -= point[i * d + j] }
                                    count[own] -= 1
                                }
                                for j in 0..<d { sum[best * d + j] += point[i * d + j] }
                                count[best] += 1
                                assigned[i] = best
                                changed = true
                            }
                            upper[i] = nearest.squareRoot()
                            lower[i] = second.squareRoot()
                        }
                    }
                }
            }
            if !changed { break }
            for c in 0..<k where count[c] > 0 { for j in 0..<d { centroids.elements[c * d + j] = sum[c * d + j] / count[c] } }
            // How far the centroids moved: the own one's move widens a point's upper bound,
            // the largest other one's its lower bound (applied in the next pass).
            largest = 0; largestAt = -1; secondLargest = 0
            for c in 0..<k {
                moved[c] = Self.squaredDistance(centroids.elements, c, previous, c, d).squareRoot()
                if moved[c] > largest { secondLargest = largest; largest = moved[c]; largestAt = c }
                else if moved[c] > secondLargest { secondLargest = moved[c] }
            }
            previous = centroids.elements
        }
        var inertia = 0.0
        for i in 0..<n { inertia += Self.squaredDistance(points.elements, i, centroids.elements, assignments[i], d) }
        return (assignments, centroids, inertia)
    }

    /// Squared distance between row `a` of `x` and row `b` of `y`, both of `d` columns.
    @inline(__always)
    private static func squaredDistance(_ x: [Double], _ a: Int, _ y: [Double], _ b: Int, _ d: Int) -> Double {
        var total = 0.0
        for j in 0..<d {
            let difference = x[a * d + j] - y[b * d + j]
            total += difference * difference
        }
        return total
    }

    /// Mean silhouette of an assignment (Rousseeuw, 1987) from all pairwise distances
    /// (one `cblas_dgemm`): for each point, (b − a) / max(a, b) with a its mean distance
    /// within its group and b the smallest mean distance to another group.
    public static func silhouette(points: Matrix, assignments: [Int], k: Int) -> Double {
        silhouette(distances: points.pairwiseDistances(), assignments: assignments, k: k)
    }

    /// ``silhouette(points:assignments:k:)`` from the points' pairwise distances
    /// (`points.pairwiseDistances()`), for scoring several assignments of the same points
    /// without computing the n × n matrix, or its square roots, again for each.
    public static func silhouette(distances: Matrix, assignments: [Int], k: Int) -> Double {
        let n = distances.rows
        guard k > 1, n > k else { return 0 }
        var sizes = [Double](repeating: 0, count: k)
        for group in assignments { sizes[group] += 1 }
        var sums = [Double](repeating: 0, count: k)
        var total = 0.0
        distances.elements.withUnsafeBufferPointer { distance in
            assignments.withUnsafeBufferPointer { group in
                sums.withUnsafeMutableBufferPointer { sum in
                    for i in 0..<n {
                        sum.update(repeating: 0)
                        for j in 0..<n where j != i { sum[group[j]] += distance[i * n + j] }
                        let own = group[i]
                        // Every other point's group counted: the group sizes, less the point itself.
                        guard sizes[own] > 1 else { continue }
                        let a = sum[own] / (sizes[own] - 1)
                        var b = Double.infinity
                        for other in 0..<k where other != own && sizes[other] > 0 { b = min(b, sum[other] / sizes[other]) }
                        if b == .infinity { b = a }
                        total += max(a, b) > 0 ? (b - a) / max(a, b) : 0
                    }
                }
            }
        }
        return total / Double(n)
    }
}
