/// Benjamini–Hochberg adjusted p-values (q-values): the false discovery rate at which each
/// hypothesis would just be rejected.
///
/// Units of a sitting are tested by the hundred or the thousand; flagging every p < 0.05
/// would flag dozens of honest schools. q = min over k ≥ rank of (m / k) · p₍ₖ₎, capped at 1.
/// Matches R `p.adjust(p, "BH")` and SciPy `false_discovery_control(p, method="bh")`.
public enum BenjaminiHochberg {
    /// q-values in the order of `pValues`. NaN p-values stay NaN and do not count in m.
    public static func qValues(_ pValues: [Double]) -> [Double] {
        let tested = pValues.indices.filter { !pValues[$0].isNaN }
        let m = Double(tested.count)
        var result = [Double](repeating: .nan, count: pValues.count)
        guard !tested.isEmpty else { return result }
        let order = tested.sorted { pValues[$0] < pValues[$1] }
        var running = 1.0
        for (position, index) in order.enumerated().reversed() {
            let rank = Double(position + 1)
            running = min(running, pValues[index] * m / rank)
            result[index] = min(1, running)
        }
        return result
    }
}
