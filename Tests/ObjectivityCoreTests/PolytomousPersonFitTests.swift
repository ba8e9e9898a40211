import ObjectivityCore
import Testing

/// U3poly and Gpoly against an independent implementation in R written from PerFit's
/// definitions: `Rscript fixtures/reference/person_fit.R` (values in person_fit.txt).
@Suite struct PolytomousPersonFitTests {
    static let works: [[Int8]] = [
        [2, 2, 1, 1, 0], [2, 1, 2, 0, 0], [0, 0, 1, 2, 2], [1, 1, 1, 1, 1], [2, 2, 2, 2, 1],
        [0, 1, 0, 0, 0], [2, 0, 2, 0, 2], [1, 2, 0, 1, 0], [2, 2, 2, 1, 1], [0, 0, 0, 1, 2],
    ]
    static let u3: [Double] = [0.187123936038999, 0.422135626138201, 1, 0, 0.388803789331776,
                               0, 0.680109518459204, 0.286672090604676, 0, 0.798537987043634]
    static let g = [2, 5, 16, 0, 1, 1, 11, 4, 0, 12]

    @Test func u3polyAndGpoly_matchTheReference() {
        let fit = PolytomousPersonFit(maxima: [2, 2, 2, 2, 2], scores: Self.works.flatMap { $0 })
        for (i, work) in Self.works.enumerated() {
            #expect(abs(fit.u3(work[...]) - Self.u3[i]) < 1e-12, "person \(i + 1): \(fit.u3(work[...]))")
            #expect(fit.guttmanErrors(work[...]) == Self.g[i], "person \(i + 1)")
        }
    }

    @Test func notAttempted_countsAsZero_andMixedMaximaKeepStepsWithinTheirTask() {
        let fit = PolytomousPersonFit(maxima: [1, 2, 1], scores: [1, 2, 1, 1, 1, 0, 0, 0, 0, 1, -1, 1])
        #expect(fit.u3([1, -1, 1][...]) == fit.u3([1, 0, 1][...]))
        // The most popular steps for the total: 0; the least popular ones a task allows
        // (its second step only after its first): 1.
        #expect(fit.u3([1, 1, 1][...]) == 0)
        #expect(abs(fit.u3([0, 2, 0][...]) - 1) < 1e-12)
        #expect(fit.guttmanErrors([0, 2, 0][...]) == 3)  // t1s1 after t0s1; t1s2 after t0s1 and t2s1
    }
}
