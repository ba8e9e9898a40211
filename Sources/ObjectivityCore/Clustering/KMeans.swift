/// k-means with k-means++ seeding (Arthur & Vassilvitskii, 2007) and Lloyd's iterations;
/// every assignment step is one `cblas_dgemm` (``Matrix/squaredDistances(to:)``).
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
            let run = Self.lloyd(points, norms: norms, centroids: Self.seeds(points, norms: norms, k: k, rng: &rng))
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

    /// Lloyd's iterations from `start` until no point changes its group.
    /// - Parameter norms: `points.rowSquaredNorms()`.
    private static func lloyd(_ points: Matrix, norms: [Double], centroids start: Matrix) -> (assignments: [Int], centroids: Matrix, inertia: Double) {
        let n = points.rows, d = points.columns, k = start.rows
        var centroids = start, assignments = [Int](repeating: -1, count: n), inertia = 0.0
        var sums = [Double](repeating: 0, count: k * d), counts = [Double](repeating: 0, count: k)
        for _ in 0..<maximumIterations {
            let distances = points.squaredDistances(to: centroids, ownNorms: norms)
            var changed = false
            inertia = 0
            distances.elements.withUnsafeBufferPointer { distance in
                assignments.withUnsafeMutableBufferPointer { assigned in
                    for i in 0..<n {
                        // The nearest centroid (the first of equals) kept in registers: the
                        // comparison compiles to conditional moves, not a branch mispredicted
                        // on every other point.
                        var best = 0, nearest = distance[i * k]
                        for c in 1..<k {
                            let candidate = distance[i * k + c]
                            best = candidate < nearest ? c : best
                            nearest = candidate < nearest ? candidate : nearest
                        }
                        if assigned[i] != best { assigned[i] = best; changed = true }
                        inertia += nearest
                    }
                }
            }
            // Each group's sum and count over raw buffers: through the arrays themselves,
            // every addition paid a bounds and a uniqueness check (most of the clustering's time).
            sums.withUnsafeMutableBufferPointer { sum in
                counts.withUnsafeMutableBufferPointer { count in
                    points.elements.withUnsafeBufferPointer { point in
                        assignments.withUnsafeBufferPointer { assigned in
                            sum.update(repeating: 0)
                            count.update(repeating: 0)
                            for i in 0..<n {
                                let group = assigned[i]
                                count[group] += 1
                                for j in 0..<d { sum[group * d + j] += point[i * d + j] }
                            }
                        }
                    }
                    centroids.elements.withUnsafeMutableBufferPointer { centroid in
                        for c in 0..<k where count[c] > 0 { for j in 0..<d { centroid[c * d + j] = sum[c * d + j] / count[c] } }
                    }
                }
            }
            if !changed { break }
        }
        return (assignments, centroids, inertia)
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
