/// Peer groups of one sitting and `peer_outlier`: units clustered on their features
/// (``UnitFeatures``) by k-means++ on principal components (``PrincipalComponents``), and
/// each unit's robust distance to its own group.
///
/// The number of groups k is the one of 2…``maximumGroups`` with the largest mean
/// silhouette (computed on a seeded sample of at most ``silhouetteSample`` units); in a
/// sitting of more than ``fittingSample`` units (a country's), the centroids are fitted on
/// a seeded sample of that many and every unit joins its nearest — the groups' shape is
/// estimated as well from ten thousand units as from forty, at a quarter of the cost; a
/// sitting of fewer than ``minimumUnits`` units, or whose best silhouette is below
/// ``minimumSilhouette`` (no real structure), is one group.
///
/// `peer_outlier`: within the unit's group (the whole sitting if the group has fewer than
/// ``minimumGroupSize`` units), the component scores are centred at the coordinate-wise
/// median and scaled by 1.4826·MAD; the squared distance is compared with those of the
/// sitting's units in the same size quartile (small units' profiles are noisier, so a χ²
/// reference over-flags them: tried, 6.7 % of honest units at medium or above): p =
/// (1 + units at least as far) / (1 + units compared). Being unusual is not a sign by
/// itself — honest schools differ — and this family, by construction, fires only on the
/// few units that stand out from all their peers. Effect: the distance in robust SDs.
public struct PeerGroups: Sendable {
    public static let maximumGroups = 8
    public static let minimumUnits = 30
    public static let minimumGroupSize = 10
    public static let minimumSilhouette = 0.1
    public static let silhouetteSample = 1500
    public static let fittingSample = 10_000

    /// One group's description for `clusters.jsonl`.
    public struct Group: Sendable, Equatable {
        public var index: Int
        public var units: Int
        /// Mean of each raw feature over the group's units, by feature name.
        public var profile: [String: Double]
    }

    public let features: UnitFeatures
    public let groups: [Group]
    /// Group of each unit, by school id.
    public let groupOfSchool: [Int32: Int]
    public let silhouette: Double
    public let explainedVariance: Double
    public let components: Int
    /// `peer_outlier` by school id.
    public let outliers: [Int32: HypothesisTestResult]

    public init(sitting: Sitting, selective: Set<String>, seed: UInt64) {
        let features = UnitFeatures(sitting: sitting, selective: selective)
        self.features = features
        let n = features.schools.count
        let pca = try? PrincipalComponents(features: features.values)
        let points = pca?.scores ?? Matrix(rows: n, columns: 0)
        explainedVariance = pca?.explained ?? 0
        components = points.columns
        var assignments = [Int](repeating: 0, count: n), bestSilhouette = 0.0
        if n >= Self.minimumUnits, points.columns > 0 {
            let sample = Self.sample(n, size: Self.silhouetteSample, seed: seed, stream: 77)
            // The sample's pairwise distances once, for every k's silhouette (18 MB at
            // the sample's 1,500 units: a fresh matrix per k was most of the clustering's
            // page faults).
            let sampledDistances = Self.rows(sample, of: points).pairwiseDistances()
            let fitting = Self.sample(n, size: Self.fittingSample, seed: seed, stream: 78)
            let fitted = fitting.count == n ? points : Self.rows(fitting, of: points)
            for k in 2...min(Self.maximumGroups, n / Self.minimumGroupSize) {
                let run = KMeans(points: fitted, k: k, seed: seed)
                let all = fitting.count == n ? run.assignments : Self.nearest(points, to: run.centroids)
                let score = KMeans.silhouette(distances: sampledDistances, assignments: sample.map { all[$0] }, k: k)
                if score > bestSilhouette { bestSilhouette = score; assignments = all }
            }
            if bestSilhouette < Self.minimumSilhouette { assignments = [Int](repeating: 0, count: n) }
        }
        silhouette = bestSilhouette
        let k = (assignments.max() ?? 0) + 1
        var groups: [Group] = []
        for g in 0..<k {
            let members = (0..<n).filter { assignments[$0] == g }
            var profile: [String: Double] = [:]
            for (c, name) in features.names.enumerated() {
                profile[name] = members.isEmpty ? 0 : members.reduce(0.0) { $0 + features.values[$1, c] } / Double(members.count)
            }
            groups.append(Group(index: g, units: members.count, profile: profile))
        }
        self.groups = groups
        groupOfSchool = Dictionary(uniqueKeysWithValues: zip(features.schools, assignments))
        // Robust squared distances to the own group, then each referred to the units of a
        // similar size (small units' profiles are noisier): an empirical p-value.
        var distances = [Double](repeating: 0, count: n)
        if points.columns > 0, n >= Self.minimumGroupSize {
            for g in 0..<k {
                var members = (0..<n).filter { assignments[$0] == g }
                if members.count < Self.minimumGroupSize { members = Array(0..<n) }
                let (centre, scale) = Self.robustCentreAndScale(points, rows: members)
                for i in (0..<n) where assignments[i] == g {
                    distances[i] = (0..<points.columns).reduce(0.0) { sum, j in
                        let z = (points[i, j] - centre[j]) / scale[j]
                        return sum + z * z
                    }
                }
            }
        }
        var outliers: [Int32: HypothesisTestResult] = [:]
        if points.columns > 0, n >= Self.minimumGroupSize {
            let sizes = features.schools.map { sitting.rows(ofSchool: $0).count }
            let band = Self.sizeBands(sizes)
            var sortedByBand = [[Double]](repeating: [], count: 4)
            for i in 0..<n { sortedByBand[band[i]].append(distances[i]) }
            for b in sortedByBand.indices { sortedByBand[b].sort() }
            for i in 0..<n {
                let others = sortedByBand[band[i]]
                // Units at least as far, the unit itself excluded (binary search for the first ≥).
                var low = 0, high = others.count
                while low < high {
                    let mid = (low + high) / 2
                    if others[mid] < distances[i] { low = mid + 1 } else { high = mid }
                }
                let beyond = others.count - low - 1, compared = others.count - 1
                outliers[features.schools[i]] = HypothesisTestResult(
                    statistic: distances[i], parameter: Double(compared), pValue: Double(beyond + 1) / Double(compared + 1),
                    estimate: distances[i].squareRoot(),
                    method: "robust squared distance of the unit's principal-component scores to its peer group's median (1.4826·MAD per component), against the same distance of the sitting's units of similar size (empirical p); estimate: the distance in robust SDs",
                    alternative: .greater)
            }
        }
        self.outliers = outliers
    }

    /// Size quartile of each unit (0…3), for comparing like with like.
    private static func sizeBands(_ sizes: [Int]) -> [Int] {
        let sorted = sizes.sorted()
        let cuts = [1, 2, 3].map { sorted[min(sorted.count - 1, $0 * sorted.count / 4)] }
        return sizes.map { size in cuts.filter { size >= $0 }.count }
    }

    /// Up to `size` row indices, a seeded sample without replacement, in order.
    private static func sample(_ n: Int, size: Int, seed: UInt64, stream: UInt64) -> [Int] {
        guard n > size else { return Array(0..<n) }
        var rows = Array(0..<n), rng = SplitMix64(seed: seed, stream: stream)
        for i in 0..<size {
            let j = i + Int(rng.nextUnit() * Double(n - i))
            rows.swapAt(i, j)
        }
        return Array(rows.prefix(size)).sorted()
    }

    /// The given rows of `points`, in that order.
    private static func rows(_ rows: [Int], of points: Matrix) -> Matrix {
        Matrix(rows: rows.count, columns: points.columns,
               elements: rows.flatMap { points.elements[($0 * points.columns)..<(($0 + 1) * points.columns)] })
    }

    /// The nearest centroid of every point.
    private static func nearest(_ points: Matrix, to centroids: Matrix) -> [Int] {
        let distances = points.squaredDistances(to: centroids)
        return (0..<points.rows).map { i in
            (0..<centroids.rows).min { distances[i, $0] < distances[i, $1] } ?? 0
        }
    }

    /// Coordinate-wise median of the given rows and 1.4826·MAD (at least 1e-6), both by
    /// selection in one scratch column (sorting each column twice was most of this).
    private static func robustCentreAndScale(_ points: Matrix, rows: [Int]) -> ([Double], [Double]) {
        var centre: [Double] = [], scale: [Double] = []
        var column = [Double](repeating: 0, count: rows.count)
        column.withUnsafeMutableBufferPointer { column in
            for j in 0..<points.columns {
                for (i, row) in rows.enumerated() { column[i] = points[row, j] }
                let m = Median.inPlace(column)
                for i in column.indices { column[i] = abs(column[i] - m) }
                let mad = 1.4826 * Median.inPlace(column)
                centre.append(m)
                scale.append(max(mad, 1e-6))
            }
        }
        return (centre, scale)
    }
}
