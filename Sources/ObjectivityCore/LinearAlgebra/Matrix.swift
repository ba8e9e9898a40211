internal import COpenBLAS

/// A dense matrix of doubles in row-major order, the layout the similarity and
/// clustering code builds from work-major response tables.
public struct Matrix: Sendable, Equatable {
    public let rows: Int
    public let columns: Int
    /// Element (i, j) is `elements[i * columns + j]`.
    public var elements: [Double]

    public init(rows: Int, columns: Int, elements: [Double]) {
        precondition(elements.count == rows * columns, "rows × columns elements")
        self.rows = rows
        self.columns = columns
        self.elements = elements
    }

    public init(rows: Int, columns: Int, repeating value: Double = 0) {
        self.init(rows: rows, columns: columns, elements: [Double](repeating: value, count: rows * columns))
    }

    public subscript(row: Int, column: Int) -> Double {
        get { elements[row * columns + column] }
        set { elements[row * columns + column] = newValue }
    }

    /// The product `self × other`, one `cblas_dgemm` call.
    public func multiplied(by other: Matrix) -> Matrix {
        precondition(columns == other.rows, "inner dimensions agree")
        BLASThreads.ensure()
        var result = Matrix(rows: rows, columns: other.columns)
        if rows == 0 || other.columns == 0 || columns == 0 { return result }
        elements.withUnsafeBufferPointer { a in
            other.elements.withUnsafeBufferPointer { b in
                result.elements.withUnsafeMutableBufferPointer { c in
                    cblas_dgemm(
                        CblasRowMajor, CblasNoTrans, CblasNoTrans,
                        Int32(rows), Int32(other.columns), Int32(columns),
                        1.0, a.baseAddress, Int32(columns),
                        b.baseAddress, Int32(other.columns),
                        0.0, c.baseAddress, Int32(other.columns))
                }
            }
        }
        return result
    }
}
