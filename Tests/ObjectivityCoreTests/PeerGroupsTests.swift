import ObjectivityCore
import Testing

/// k-means++ on principal components finds well-separated groups and the silhouette picks
/// their number; every fit is Lloyd's fixed point; the dgemm distances equal a plain loop.
@Suite struct PeerGroupsTests {
    private func blobs(_ centres: [[Double]], each: Int, spread: Double, seed: UInt64) -> (Matrix, [Int]) {
        var rng = SplitMix64(seed: seed, stream: 0)
        var elements: [Double] = [], labels: [Int] = []
        for (g, centre) in centres.enumerated() {
            for _ in 0..<each {
                elements += centre.map { $0 + spread * rng.nextNormal() }
                labels.append(g)
            }
        }
        return (Matrix(rows: labels.count, columns: centres[0].count, elements: elements), labels)
    }

    @Test func threeSeparatedBlobs_areFound_andTheSilhouettePicksThree() {
        let (points, labels) = blobs([[0, 0, 0], [6, 0, 1], [0, 7, -2]], each: 40, spread: 1, seed: 2)
        var best = (k: 0, score: -1.0, assignments: [Int]())
        for k in 2...6 {
            let run = KMeans(points: points, k: k, seed: 1)
            let score = KMeans.silhouette(points: points, assignments: run.assignments, k: k)
            if score > best.score { best = (k, score, run.assignments) }
        }
        #expect(best.k == 3)
        // Every true blob maps to exactly one found group.
        for g in 0..<3 {
            #expect(Set(labels.indices.filter { labels[$0] == g }.map { best.assignments[$0] }).count == 1)
        }
        #expect(KMeans(points: points, k: 3, seed: 1).assignments == KMeans(points: points, k: 3, seed: 1).assignments, "seeded")
    }

    /// Lloyd's fixed point, which the bounds that skip points must not miss: in heavily
    /// overlapping blobs (points change groups for many iterations), every point sits in
    /// its nearest group (the first of equals) and every centroid is its members' mean.
    @Test func everyFit_isAFixedPointOfLloyd_despiteTheSkippedPoints() {
        let (points, _) = blobs([[0, 0, 0, 0], [1, 0.5, 0, 0], [0, 1, 1, 0], [0.5, 0, 1, 1]], each: 300, spread: 1, seed: 5)
        let n = points.rows, d = points.columns
        for k in 1...8 {
            let run = KMeans(points: points, k: k, seed: 3)
            var inertia = 0.0
            for i in 0..<n {
                let distances = (0..<k).map { c in (0..<d).reduce(0.0) { $0 + (points[i, $1] - run.centroids[c, $1]) * (points[i, $1] - run.centroids[c, $1]) } }
                #expect(run.assignments[i] == distances.firstIndex(of: distances.min()!)!, "k = \(k), point \(i)")
                inertia += distances[run.assignments[i]]
            }
            for c in 0..<k {
                let members = (0..<n).filter { run.assignments[$0] == c }
                for j in 0..<d where !members.isEmpty {
                    let mean = members.reduce(0.0) { $0 + points[$1, j] } / Double(members.count)
                    #expect(abs(run.centroids[c, j] - mean) < 1e-9, "k = \(k), centroid \(c)")
                }
            }
            #expect(abs(run.inertia - inertia) <= 1e-9 * inertia)
        }
    }

    /// Reference: Rousseeuw's formula over SciPy's distances, a singleton scoring 0 —
    /// `X=[[0,0],[1,0],[0,2],[5,5],[6,4],[5,7],[10,0]]; lab=[0,0,0,1,1,1,2]; D=cdist(X,X)`;
    /// per point a = mean D to the rest of its group, b = least mean D to another group,
    /// (b − a)/max(a, b); the mean over points is 0.6063205535541772.
    @Test func silhouette_matchesRousseeuwsFormula_withASingletonGroup() {
        let points = Matrix(rows: 7, columns: 2, elements: [0, 0, 1, 0, 0, 2, 5, 5, 6, 4, 5, 7, 10, 0])
        let assignments = [0, 0, 0, 1, 1, 1, 2]
        #expect(abs(KMeans.silhouette(points: points, assignments: assignments, k: 3) - 0.6063205535541772) < 1e-12)
        #expect(KMeans.silhouette(distances: points.pairwiseDistances(), assignments: assignments, k: 3)
                == KMeans.silhouette(points: points, assignments: assignments, k: 3))
    }

    @Test func principalComponents_keepTheDirectionsThatCarryTheVariance() throws {
        // Five columns, two of them independent signals, three copies with little noise.
        var rng = SplitMix64(seed: 4, stream: 0)
        var elements: [Double] = []
        for _ in 0..<200 {
            let a = rng.nextNormal(), b = rng.nextNormal()
            elements += [a, b, a + 0.01 * rng.nextNormal(), b + 0.01 * rng.nextNormal(), a - b + 0.01 * rng.nextNormal()]
        }
        let pca = try PrincipalComponents(features: Matrix(rows: 200, columns: 5, elements: elements))
        #expect(pca.scores.columns == 2)
        #expect(pca.explained > 0.99)
    }

    @Test func squaredDistances_byDgemm_equalAPlainLoop() {
        let (a, _) = blobs([[1, 2, 3, 4]], each: 9, spread: 2, seed: 5)
        let (b, _) = blobs([[0, -1, 2, 5]], each: 4, spread: 1, seed: 6)
        let d = a.squaredDistances(to: b)
        for i in 0..<a.rows {
            for j in 0..<b.rows {
                let plain = (0..<4).reduce(0.0) { $0 + (a[i, $1] - b[j, $1]) * (a[i, $1] - b[j, $1]) }
                #expect(abs(d[i, j] - plain) < 1e-9)
            }
        }
    }
}
