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
                        var best = 0
                        for c in 1..<max(1, k) where distance[i * k + c] < distance[i * k + best] { best = c }
                        if assigned[i] != best { assigned[i] = best; changed = true }
                        inertia += distance[i * k + best]
                    }
                }
            }
            for c in 0..<k { counts[c] = 0 }
            for e in 0..<(k * d) { sums[e] = 0 }
            points.elements.withUnsafeBufferPointer { point in
                for i in 0..<n {
                    let group = assignments[i]
                    counts[group] += 1
                    for j in 0..<d { sums[group * d + j] += point[i * d + j] }
                }
            }
            for c in 0..<k where counts[c] > 0 { for j in 0..<d { centroids.elements[c * d + j] = sums[c * d + j] / counts[c] } }
            if !changed { break }
        }
        return (assignments, centroids, inertia)
    }

    /// Mean silhouette of an assignment (Rousseeuw, 1987) from all pairwise distances
    /// (one `cblas_dgemm`): for each point, (b − a) / max(a, b) with a its mean distance
    /// within its group and b the smallest mean distance to another group.
    public static func silhouette(points: Matrix, assignments: [Int], k: Int) -> Double {
        silhouette(squaredDistances: points.squaredDistances(to: points), assignments: assignments, k: k)
    }

    /// ``silhouette(points:assignments:k:)`` from the points' pairwise squared distances
    /// (`points.squaredDistances(to: points)`), for scoring several assignments of the same
    /// points without computing the n × n matrix again for each.
    public static func silhouette(squaredDistances squared: Matrix, assignments: [Int], k: Int) -> Double {
        let n = squared.rows
        guard k > 1, n > k else { return 0 }
        var total = 0.0
        for i in 0..<n {
            var sums = [Double](repeating: 0, count: k), counts = [Double](repeating: 0, count: k)
            for j in 0..<n where j != i {
                sums[assignments[j]] += squared.elements[i * n + j].squareRoot()
                counts[assignments[j]] += 1
            }
            let own = assignments[i]
            guard counts[own] > 0 else { continue }
            let a = sums[own] / counts[own]
            let b = (0..<k).filter { $0 != own && counts[$0] > 0 }.map { sums[$0] / counts[$0] }.min() ?? a
            total += max(a, b) > 0 ? (b - a) / max(a, b) : 0
        }
        return total / Double(n)
    }
}
