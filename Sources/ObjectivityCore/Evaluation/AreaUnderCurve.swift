/// Area under the ROC curve of a score separating positives from negatives: the chance
/// that a random positive scores above a random negative (ties count half) — the
/// Mann–Whitney statistic divided by the number of pairs.
public enum AreaUnderCurve {
    /// `nil` when either group is empty.
    public static func of(positives: [Double], negatives: [Double]) -> Double? {
        guard !positives.isEmpty, !negatives.isEmpty else { return nil }
        let all = (positives.map { ($0, true) } + negatives.map { ($0, false) }).sorted { $0.0 < $1.0 }
        // Mid-ranks for ties.
        var rankSum = 0.0
        var i = 0
        while i < all.count {
            var j = i
            while j + 1 < all.count, all[j + 1].0 == all[i].0 { j += 1 }
            let midRank = Double(i + j) / 2 + 1
            for k in i...j where all[k].1 { rankSum += midRank }
            i = j + 1
        }
        let p = Double(positives.count), n = Double(negatives.count)
        return (rankSum - p * (p + 1) / 2) / (p * n)
    }
}
