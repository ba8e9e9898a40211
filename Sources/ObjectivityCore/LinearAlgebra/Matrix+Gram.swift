internal import COpenBLAS

extension Matrix {
    /// The Gram matrix of the rows over a block of columns, A[:, block] · A[:, block]ᵀ
    /// (rows × rows, row-major), by `cblas_dsyrk`: only the upper triangle (i ≤ j) is
    /// filled, the lower is zero. On one-hot response rows it counts the tasks two works
    /// answered alike; on probability rows, the matches expected.
    public func rowGram(columns block: Range<Int>? = nil) -> Matrix {
        let block = block ?? 0..<columns
        BLASThreads.ensure()
        precondition(block.lowerBound >= 0 && block.upperBound <= columns, "block within the columns")
        var result = Matrix(rows: rows, columns: rows)
        if rows == 0 || block.isEmpty { return result }
        elements.withUnsafeBufferPointer { a in
            result.elements.withUnsafeMutableBufferPointer { c in
                cblas_dsyrk(CblasRowMajor, CblasUpper, CblasNoTrans, Int32(rows), Int32(block.count),
                            1.0, a.baseAddress! + block.lowerBound, Int32(columns), 0.0, c.baseAddress, Int32(rows))
            }
        }
        return result
    }
}
