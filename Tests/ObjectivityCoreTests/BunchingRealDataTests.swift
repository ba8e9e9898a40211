import Foundation
import ObjectivityCore
import ObjectivityTesting
import Testing

/// The Romanian baccalaureate (../shared/realdata/romania-bac): bunching known to exist at
/// the pass mark 5.00; heaping on x.x0 (two examiners' mean), on half points and again on
/// whole numbers. 6.00 is the pass mark of the overall average, so it is a threshold the
/// examiners know too: it stays out of the fit for 7.00 like 5.00 does.
@Suite struct BunchingRealDataTests {
    static let heaping = [HeapingPattern(period: 2, phase: 0), HeapingPattern(period: 10, phase: 0), HeapingPattern(period: 20, phase: 0)]
    let estimator = BunchingEstimator(polynomialDegree: 5, bandwidth: 40, heaping: heaping, maxLowerWindow: 20,
                                      upperWindow: 0, bootstrapReplicates: 200)

    @Test(arguments: ["bac_2012_august_session_anon.csv", "bac_2013_august_session_anon.csv"])
    func passMark_showsBunching_wholeNumberWithoutThresholdDoesNot(_ file: String) throws {
        let counts = try RomanianBaccalaureate.histogram(file: file, column: "ro_written_initial")
        let passBin = RomanianBaccalaureate.bin(ofGrade: 5.0)
        let pass = try estimator.estimate(counts: counts, cut: passBin, seed: 1)
        let control = try estimator.estimate(counts: counts, cut: RomanianBaccalaureate.bin(ofGrade: 7.0), otherCuts: [passBin, RomanianBaccalaureate.bin(ofGrade: 6.0)], seed: 1)
        // 2012: excess 9,148 ± 118 works (b = 3.79, lower window 11 bins); 2013: 9,300 ± 128 (b = 3.54).
        #expect(pass.zScore > 10)
        #expect(pass.excessMass > 5_000 && pass.relativeExcess > 2)
        #expect(pass.windowBalanced)
        // 2012: −126 ± 86; 2013: 35 ± 72: no bunching where there is no threshold.
        #expect(abs(control.zScore) < 3)
    }
}
