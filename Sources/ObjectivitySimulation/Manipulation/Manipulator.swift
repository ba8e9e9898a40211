import ObjectivityCore

/// Bends a unit's works the way a school with signs of non-objectivity would.
///
/// Every change keeps a work internally consistent: points are added to (or taken from)
/// task scores, and the primary score and mark are recomputed, exactly as a teacher who
/// "re-marks" open answers would leave them.
struct Manipulator {
    let tasks: [TaskSpecification]
    let scale: MarkScale

    /// Applies `type` at `intensity` (probability that an eligible work is bent) and returns
    /// how many works changed.
    func apply(_ type: ManipulationType, intensity: Double, to unit: inout SimulatedUnit, rng: inout SplitMix64) -> Int {
        var changed = Set<Int>()
        switch type {
        case .thresholdNudging:
            nudge(&unit, intensity: intensity, rng: &rng, changed: &changed)
        case .lenientMarking, .cohortDrop:
            lenient(&unit, intensity: intensity, rng: &rng, changed: &changed)
        case .vprAboveGIA:
            lenient(&unit, intensity: intensity, rng: &rng, changed: &changed)
            nudge(&unit, intensity: intensity / 2, rng: &rng, changed: &changed)
        case .helpDuringTest:
            help(&unit, intensity: intensity, rng: &rng, changed: &changed)
        case .towardJournal:
            for w in 0..<unit.count {
                let journal = Int(unit.journal[w]), mark = Int(unit.marks[w])
                guard journal > mark, let target = scale.cut(for: journal), rng.nextUnit() < intensity else { continue }
                if raise(&unit, work: w, by: target - Int(unit.totals[w])) { changed.insert(w) }
            }
        case .journalInflation:
            for w in 0..<unit.count where unit.journal[w] >= 2 && unit.journal[w] < 5 && rng.nextUnit() < intensity {
                unit.journal[w] += 1
                changed.insert(w)
            }
        case .giaMinimumLift:
            break  // bends ОГЭ totals (``liftToMinimum(total:minimum:intensity:rng:)``), not ВПР works
        }
        return changed.count
    }

    /// `gia_minimum_lift` on one ОГЭ total: one or two points short of `minimum`, it is
    /// raised (with probability `intensity`) to the minimum or one point above it.
    static func liftToMinimum(total: Int, minimum: Int, intensity: Double, rng: inout SplitMix64) -> Int {
        guard total < minimum, total >= minimum - 2, rng.nextUnit() < intensity else { return total }
        return minimum + (rng.nextUnit() < 0.5 ? 0 : 1)
    }

    /// Works one or two points below a cut are raised to it.
    private func nudge(_ unit: inout SimulatedUnit, intensity: Double, rng: inout SplitMix64, changed: inout Set<Int>) {
        let cuts = scale.cuts.compactMap { $0 }
        for w in 0..<unit.count {
            let total = Int(unit.totals[w])
            guard let cut = cuts.first(where: { total < $0 && total >= $0 - 2 }), rng.nextUnit() < intensity else { continue }
            if raise(&unit, work: w, by: cut - total) { changed.insert(w) }
        }
    }

    /// Open-answer tasks (maximum ≥ 2) get one point more than they earned.
    private func lenient(_ unit: inout SimulatedUnit, intensity: Double, rng: inout SplitMix64, changed: inout Set<Int>) {
        for w in 0..<unit.count {
            var touched = false
            for k in tasks.indices where tasks[k].descriptor.maxScore >= 2 {
                let i = w * unit.taskCount + k
                if unit.scores[i] >= 0, Int(unit.scores[i]) < tasks[k].descriptor.maxScore, rng.nextUnit() < intensity {
                    unit.scores[i] += 1
                    touched = true
                }
            }
            if touched {
                unit.rescore(w, scale: scale)
                changed.insert(w)
            }
        }
    }

    /// In the largest class, helped pupils hand in near-identical works: one key — the hard
    /// tasks mostly solved, the basic ones often, and the helper's own slips — is passed
    /// round, and each helped pupil copies each task of it with probability 0.9, whatever
    /// their ability. Shared slips are what makes dictated works recognisable.
    private func help(_ unit: inout SimulatedUnit, intensity: Double, rng: inout SplitMix64, changed: inout Set<Int>) {
        var sizes: [UInt8: Int] = [:]
        for c in unit.classIndex { sizes[c, default: 0] += 1 }
        guard let target = sizes.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) })?.key else { return }
        let members = (0..<unit.count).filter { unit.classIndex[$0] == target }
        var helped = members.filter { _ in rng.nextUnit() < intensity }
        if helped.count < 3 { helped = Array(members.prefix(3)) }
        let key: [Int8] = tasks.map { task in
            let maximum = task.descriptor.maxScore
            let solved = task.descriptor.level != .basic ? rng.nextUnit() < 0.9 : rng.nextUnit() < 0.6
            return Int8(solved ? maximum : Int(rng.nextUnit() * Double(maximum)))
        }
        for w in helped {
            for k in tasks.indices where rng.nextUnit() < 0.9 { unit.scores[w * unit.taskCount + k] = key[k] }
            unit.rescore(w, scale: scale)
            changed.insert(w)
        }
    }

    /// Adds up to `points` to work `w`, open-answer tasks first; true if any point was added.
    private func raise(_ unit: inout SimulatedUnit, work w: Int, by points: Int) -> Bool {
        guard points > 0 else { return false }
        var left = points
        let order = tasks.indices.sorted { (tasks[$0].descriptor.maxScore >= 2 ? 0 : 1, $0) < (tasks[$1].descriptor.maxScore >= 2 ? 0 : 1, $1) }
        for k in order where left > 0 {
            let i = w * unit.taskCount + k
            let current = max(0, Int(unit.scores[i]))
            let room = tasks[k].descriptor.maxScore - current
            guard room > 0 else { continue }
            let add = min(room, left)
            unit.scores[i] = Int8(current + add)
            left -= add
        }
        guard left < points else { return false }
        unit.rescore(w, scale: scale)
        return true
    }
}
