/// Principal components of standardised features: the few directions along which units of
/// a sitting really differ, so that k-means is not steered by a dozen correlated task
/// columns.
///
/// Columns are standardised (mean 0, SD 1; a constant column becomes 0), the covariance
/// XᵀX/(n − 1) is formed by `cblas_dgemm` and decomposed by LAPACK `dsyevd`; the
/// components kept are the fewest that explain ``explainedShare`` of the variance (at
/// least 2 where there are 2 features, at most ``maximumComponents``).
public struct PrincipalComponents: Sendable {
    public static let explainedShare = 0.9
    public static let maximumComponents = 10

    /// Scores of every row on the kept components (n × m).
    public let scores: Matrix
    /// Share of the total variance the kept components explain.
    public let explained: Double

    public init(features: Matrix) throws(SymmetricEigendecomposition.Failure) {
        let n = features.rows, p = features.columns
        var standardised = features
        for c in 0..<p {
            let column = (0..<n).map { features[$0, c] }
            let mean = column.reduce(0, +) / Double(max(1, n))
            let sd = (column.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(max(1, n - 1))).squareRoot()
            for r in 0..<n { standardised.elements[r * p + c] = sd > 1e-12 ? (column[r] - mean) / sd : 0 }
        }
        guard n > 1, p > 0 else {
            scores = Matrix(rows: n, columns: 0)
            explained = 0
            return
        }
        var covariance = standardised.transposed().multiplied(by: standardised)
        for i in covariance.elements.indices { covariance.elements[i] /= Double(n - 1) }
        let decomposition = try SymmetricEigendecomposition(covariance)
        let order = decomposition.eigenvalues.indices.sorted { decomposition.eigenvalues[$0] > decomposition.eigenvalues[$1] }
        let total = max(1e-12, decomposition.eigenvalues.reduce(0) { $0 + max(0, $1) })
        var kept = 0, cumulative = 0.0
        for index in order where kept < min(Self.maximumComponents, p) {
            if kept >= min(2, p), cumulative / total >= Self.explainedShare { break }
            cumulative += max(0, decomposition.eigenvalues[index])
            kept += 1
        }
        var loadings = Matrix(rows: p, columns: kept)
        for (j, index) in order.prefix(kept).enumerated() {
            for r in 0..<p { loadings.elements[r * kept + j] = decomposition.eigenvectors[r, index] }
        }
        scores = standardised.multiplied(by: loadings)
        explained = cumulative / total
    }
}
