internal import CLAPACKE

/// Ordinary least squares by QR factorisation (LAPACK `dgels`).
///
/// Used to fit the smooth counterfactual of a score histogram. QR rather than the
/// normal equations, because polynomial designs are ill-conditioned.
public enum LeastSquares {
    /// LAPACK reported a failure, or the design has fewer rows than columns.
    public struct Failure: Error, Equatable, Sendable {
        public let info: Int32
    }

    /// The coefficients β minimising ‖design · β − response‖².
    /// - Parameters:
    ///   - design: rows × columns, rows ≥ columns, full column rank.
    ///   - response: one value per row.
    public static func solve(design: Matrix, response: [Double]) throws(Failure) -> [Double] {
        precondition(response.count == design.rows, "one response per row")
        BLASThreads.ensure()
        guard design.rows >= design.columns, design.columns > 0 else { throw Failure(info: -1) }
        var a = design.elements
        var b = response
        let info = a.withUnsafeMutableBufferPointer { ap in
            b.withUnsafeMutableBufferPointer { bp in
                LAPACKE_dgels(LAPACK_ROW_MAJOR, CChar(UInt8(ascii: "N")), Int32(design.rows), Int32(design.columns), 1,
                              ap.baseAddress, Int32(design.columns), bp.baseAddress, 1)
            }
        }
        guard info == 0 else { throw Failure(info: info) }
        return Array(b.prefix(design.columns))
    }
}
