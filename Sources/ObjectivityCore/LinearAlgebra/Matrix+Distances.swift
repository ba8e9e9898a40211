internal import COpenBLAS

extension Matrix {
    /// The transpose.
    public func transposed() -> Matrix {
        var result = Matrix(rows: columns, columns: rows)
        for r in 0..<rows { for c in 0..<columns { result.elements[c * rows + r] = elements[r * columns + c] } }
        return result
    }

    /// Squared Euclidean distances between every row of `self` (n × d) and every row of
    /// `other` (k × d), n × k: ‖a‖² + ‖b‖² − 2·ABᵀ with the product by `cblas_dgemm` —
    /// the form that makes k-means and silhouettes cheap at national scale.
    public func squaredDistances(to other: Matrix) -> Matrix {
        precondition(columns == other.columns, "points of the same dimension")
        BLASThreads.ensure()
        var result = Matrix(rows: rows, columns: other.rows)
        if rows == 0 || other.rows == 0 { return result }
        if columns > 0 {
            elements.withUnsafeBufferPointer { a in
                other.elements.withUnsafeBufferPointer { b in
                    result.elements.withUnsafeMutableBufferPointer { c in
                        cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasTrans, Int32(rows), Int32(other.rows), Int32(columns),
                                    -2.0, a.baseAddress, Int32(columns), b.baseAddress, Int32(columns), 0.0, c.baseAddress, Int32(other.rows))
                    }
                }
            }
        }
        let ownNorms = (0..<rows).map { r in (0..<columns).reduce(0.0) { $0 + elements[r * columns + $1] * elements[r * columns + $1] } }
        let otherNorms = (0..<other.rows).map { r in
            (0..<columns).reduce(0.0) { $0 + other.elements[r * columns + $1] * other.elements[r * columns + $1] }
        }
        for r in 0..<rows {
            for c in 0..<other.rows { result.elements[r * other.rows + c] = max(0, result.elements[r * other.rows + c] + ownNorms[r] + otherNorms[c]) }
        }
        return result
    }
}
