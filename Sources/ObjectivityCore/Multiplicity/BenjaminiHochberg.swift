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
        let order = ascendingOrder(of: tested, by: pValues)
        var running = 1.0
        for (position, index) in order.enumerated().reversed() {
            let rank = Double(position + 1)
            running = min(running, pValues[index] * m / rank)
            result[index] = min(1, running)
        }
        return result
    }

    /// `indices` ordered by `values[index]`, ascending; equal values in any order (they
    /// get the same q-value whatever their order). A radix sort of the values' bit
    /// patterns, mapped to integers that order as the doubles do, 11 bits a pass, a pass
    /// skipped where every key has the same digit: the risk model ranks each family of
    /// every sitting — tens of thousands of p-values each, some 800 times in a national
    /// scan — and comparison sorting by a closure was 1–2 % of the scan's time.
    static func ascendingOrder(of indices: [Int], by values: [Double]) -> [Int] {
        let n = indices.count
        guard n > 1 else { return indices }
        let bits = 11, bins = 1 << bits
        var keys = [UInt64](unsafeUninitializedCapacity: n) { keys, count in
            for (i, index) in indices.enumerated() {
                let pattern = values[index].bitPattern
                // Negative doubles order reversed below the positive ones.
                keys[i] = pattern >> 63 == 1 ? ~pattern : pattern | (1 << 63)
            }
            count = n
        }
        var order = indices
        var otherKeys = keys, otherOrder = order
        var histogram = [Int](repeating: 0, count: bins)
        keys.withUnsafeMutableBufferPointer { keys in
            order.withUnsafeMutableBufferPointer { order in
                otherKeys.withUnsafeMutableBufferPointer { otherKeys in
                    otherOrder.withUnsafeMutableBufferPointer { otherOrder in
                        histogram.withUnsafeMutableBufferPointer { histogram in
                            var (fromKeys, fromOrder, toKeys, toOrder) = (keys, order, otherKeys, otherOrder)
                            for shift in stride(from: 0, to: 64, by: bits) {
                                histogram.update(repeating: 0)
                                for i in 0..<n { histogram[Int((fromKeys[i] >> UInt64(shift)) & UInt64(bins - 1))] += 1 }
                                if histogram[Int((fromKeys[0] >> UInt64(shift)) & UInt64(bins - 1))] == n { continue }
                                var start = 0
                                for b in 0..<bins {
                                    let count = histogram[b]
                                    histogram[b] = start
                                    start += count
                                }
                                for i in 0..<n {
                                    let digit = Int((fromKeys[i] >> UInt64(shift)) & UInt64(bins - 1))
                                    let place = histogram[digit]
                                    histogram[digit] = place + 1
                                    toKeys[place] = fromKeys[i]
                                    toOrder[place] = fromOrder[i]
                                }
                                swap(&fromKeys, &toKeys)
                                swap(&fromOrder, &toOrder)
                            }
                            if fromOrder.baseAddress != order.baseAddress { _ = order.update(fromContentsOf: fromOrder) }
                        }
                    }
                }
            }
        }
        return order
    }
}
