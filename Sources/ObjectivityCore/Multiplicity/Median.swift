/// Medians by selection (Hoare's quickselect, median-of-three pivots): the same value
/// sorting gives, in linear time. The empirical null takes one per bisection step over a
/// sitting's units, the peer groups two per component over each group's units.
enum Median {
    /// The median of `values` (the mean of the middle two when their count is even); 0
    /// when there are none.
    static func of(_ values: [Double]) -> Double {
        var a = values
        return a.withUnsafeMutableBufferPointer { inPlace($0) }
    }

    /// ``of(_:)`` of the values in `a`, which it reorders.
    static func inPlace(_ a: UnsafeMutableBufferPointer<Double>) -> Double {
        let n = a.count
        guard n > 0 else { return 0 }
        let upper = select(a, n / 2)
        guard n % 2 == 0 else { return upper }
        // The largest of the lower half, which selection left below position n / 2.
        var largest = a[0]
        for i in 1..<(n / 2) { largest = Swift.max(largest, a[i]) }
        return (largest + upper) / 2
    }

    /// Puts the k-th smallest value at position k, smaller ones before it; returns it.
    /// Three-way partitions, so that runs of equal values (many units share a statistic)
    /// cost no more than distinct ones.
    static func select(_ a: UnsafeMutableBufferPointer<Double>, _ k: Int) -> Double {
        var low = 0, high = a.count - 1
        while low < high {
            let mid = low + (high - low) / 2
            let pivot = Swift.max(Swift.min(a[low], a[mid]), Swift.min(Swift.max(a[low], a[mid]), a[high]))  // median of three
            // a[low..<lt] < pivot, a[lt..<i] == pivot, a[gt+1...high] > pivot.
            var lt = low, i = low, gt = high
            while i <= gt {
                if a[i] < pivot {
                    a.swapAt(lt, i)
                    lt += 1
                    i += 1
                } else if a[i] > pivot {
                    a.swapAt(i, gt)
                    gt -= 1
                } else {
                    i += 1
                }
            }
            if k < lt { high = lt - 1 } else if k > gt { low = gt + 1 } else { return pivot }
        }
        return a[k]
    }
}
