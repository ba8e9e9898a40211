import ObjectivityCore
import Testing

/// Reference values: `python3 fixtures/reference/core_reference.py` (NumPy 2.4.6).
@Suite struct LinearAlgebraTests {
    @Test func dgemmProduct_matchesNumpy() {
        let a = Matrix(rows: 2, columns: 3, elements: [1, 2, 3, 4, 5, 6])
        let b = Matrix(rows: 3, columns: 2, elements: [7, -1, 0.5, 2, -3, 4])
        // A @ B = [[-1.0, 15.0], [12.5, 30.0]]
        let product = a.multiplied(by: b)
        #expect(product.rows == 2 && product.columns == 2)
        for (x, y) in zip(product.elements, [-1.0, 15.0, 12.5, 30.0]) {
            #expect(abs(x - y) < 1e-10)
        }
    }

    @Test func dsyevdEigenpairs_matchNumpyEigh() throws {
        let s = Matrix(rows: 3, columns: 3, elements: [4, 1, 0.5, 1, 3, -0.25, 0.5, -0.25, 2])
        let eigen = try SymmetricEigendecomposition(s)
        // eigh(S).w
        for (x, y) in zip(eigen.eigenvalues, [1.6583297723365855, 2.689794467298034, 4.651875760365377]) {
            #expect(abs(x - y) < 1e-10)
        }
        // eigh(S).v[:,2], up to sign
        let reference = [-0.8574194631902563, -0.5017502762166957, -0.11436137660505226]
        let column = (0..<3).map { eigen.eigenvectors[$0, 2] }
        let sign = column[0] * reference[0] < 0 ? -1.0 : 1.0
        for (x, y) in zip(column, reference) { #expect(abs(sign * x - y) < 1e-10) }
    }
}

@Suite struct LeastSquaresTests {
    @Test func dgelsSolution_matchesNumpyLstsq() throws {
        // lstsq(X, y) from fixtures/reference/core_reference.py (NumPy 2.4.6)
        let x = Matrix(rows: 6, columns: 3, elements: [1, 0, 0, 1, 0.5, 0.25, 1, 1, 1, 1, 1.5, 2.25, 1, 2, 4, 1, 3, 9])
        let beta = try LeastSquares.solve(design: x, response: [1.0, 1.9, 3.2, 4.1, 5.6, 8.3])
        for (b, r) in zip(beta, [0.9759523809523812, 1.9171428571428553, 0.17619047619047667]) {
            #expect(abs(b - r) < 1e-10)
        }
    }

    @Test func fewerRowsThanColumns_isAFailureNotACrash() {
        #expect(throws: LeastSquares.Failure.self) {
            try LeastSquares.solve(design: Matrix(rows: 1, columns: 2, elements: [1, 2]), response: [3])
        }
    }
}
