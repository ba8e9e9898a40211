import ObjectivityCore
import Testing

@Suite struct AreaUnderCurveTests {
    @Test func aucMatchesScikitStyleDefinitionWithTies() {
        // By pairs, independently: python3 -c "pos=[0.9,0.4,0.4]; neg=[0.4,0.2,0.1,0.95];
        //   print(sum((1 if p>n else 0.5 if p==n else 0) for p in pos for n in neg)/12)"  → 0.6666666666666666
        let auc = AreaUnderCurve.of(positives: [0.9, 0.4, 0.4], negatives: [0.4, 0.2, 0.1, 0.95])
        #expect(abs((auc ?? 0) - 0.6666666666666666) < 1e-12)
        #expect(AreaUnderCurve.of(positives: [1, 2], negatives: [0]) == 1)
        #expect(AreaUnderCurve.of(positives: [], negatives: [0]) == nil)
    }
}
