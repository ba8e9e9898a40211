internal import CLAPACKE

/// Eigenvalues and eigenvectors of a real symmetric matrix (LAPACK `dsyevd`).
///
/// Used for principal components of school profiles in peer-group clustering.
public struct SymmetricEigendecomposition: Sendable {
    /// Eigenvalues in ascending order.
    public let eigenvalues: [Double]
    /// Column `k` is the unit eigenvector of `eigenvalues[k]` (sign is arbitrary).
    public let eigenvectors: Matrix

    /// LAPACK reported a failure (`info` ≠ 0).
    public struct Failure: Error, Equatable, Sendable {
        public let info: Int32
    }

    /// Decomposes `matrix`, whose upper triangle is read; it must be square.
    public init(_ matrix: Matrix) throws(Failure) {
        precondition(matrix.rows == matrix.columns, "a square matrix")
        BLASThreads.ensure()
        let n = matrix.rows
        var a = matrix.elements
        var w = [Double](repeating: 0, count: n)
        let info = a.withUnsafeMutableBufferPointer { ap in
            w.withUnsafeMutableBufferPointer { wp in
                LAPACKE_dsyevd(
                    LAPACK_ROW_MAJOR, CChar(UInt8(ascii: "V")), CChar(UInt8(ascii: "U")),
                    Int32(n), ap.baseAddress, Int32(n), wp.baseAddress)
            }
        }
        guard info == 0 else { throw Failure(info: info) }
        eigenvalues = w
        eigenvectors = Matrix(rows: n, columns: n, elements: a)
    }
}
