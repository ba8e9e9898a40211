internal import COpenBLAS

extension Matrix {
    /// The transpose.
    public func transposed() -> Matrix {
        var result = Matrix(rows: columns, columns: rows)
        for r in 0..<rows { for c in 0..<columns { result.elements[c * rows + r] = elements[r * columns + c] } }
        return result
    }

    /// Σ_j x_rj² of every row r, summed in column order.
    public func rowSquaredNorms() -> [Double] {
        var norms = [Double](repeating: 0, count: rows)
        elements.withUnsafeBufferPointer { e in
            for r in 0..<rows {
                var sum = 0.0
                for j in 0..<columns { sum += e[r * columns + j] * e[r * columns + j] }
                norms[r] = sum
            }
        }
        return norms
    }

    /// Squared Euclidean distances between every row of `self` (n × d) and every row of
    /// `other` (k × d), n × k: ‖a‖² + ‖b‖² − 2·ABᵀ with the product by `cblas_dgemm` —
    /// the form that makes k-means and silhouettes cheap at national scale.
    public func squaredDistances(to other: Matrix) -> Matrix {
        squaredDistances(to: other, ownNorms: rowSquaredNorms())
    }

    /// Euclidean distances between every two rows, n × n: the square roots of
    /// `squaredDistances(to: self)`, taken once for every silhouette scored on these points.
    public func pairwiseDistances() -> Matrix {
        var distances = squaredDistances(to: self)
        distances.elements.withUnsafeMutableBufferPointer { d in
            for e in d.indices { d[e] = d[e].squareRoot() }
        }
        return distances
    }

    /// ``squaredDistances(to:)`` with this matrix's ``rowSquaredNorms()`` already known:
    /// k-means asks for the distances of the same points a hundred times per fit, and at
    /// k = 8 the norms, not the product, were most of the cost.
    public func squaredDistances(to other: Matrix, ownNorms: [Double]) -> Matrix {
        precondition(columns == other.columns, "points of the same dimension")
        precondition(ownNorms.count == rows, "one norm per row")
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
        let otherNorms = other.rowSquaredNorms(), k = other.rows
        result.elements.withUnsafeMutableBufferPointer { c in
            for r in 0..<rows {
                for j in 0..<k { c[r * k + j] = max(0, c[r * k + j] + ownNorms[r] + otherNorms[j]) }
            }
        }
        return result
    }
}
