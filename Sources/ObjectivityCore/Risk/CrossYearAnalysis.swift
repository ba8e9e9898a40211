#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import Dispatch

/// The indicators that compare a unit with its own school in other years and grades, and
/// the prior that earlier signs give; run over all sittings after each was analysed alone.
///
/// - `year_jump/level`: the unit's level (SDs of its sitting's works) against the same
///   school, subject and grade in the other years at hand (inverse-variance mean); one-sided,
///   a rise. The «2» share's change is reported beside it.
/// - `year_jump/journal`: the journal's excess «Понизили» against the same school's journals
///   in other years, every subject and grade (a school's marking culture is shared, and a
///   dozen units pin it down far better than one); one-sided, a rise (the journal became
///   more generous). The other years are pooled, not taken one by one: the largest rise
///   against a single year also rose wherever that year's ВПР marks were raised toward the
///   journal (fewer «Понизили»), and precision fell (tried: high precision 0.96 → 0.91).
/// - `cohort`: grade g in year t against grade g + 1 in year t + 1 in the same school and
///   subject — the same pupils where participant codes persist (at least
///   ``minimumMatchedPupils``), the two units' levels otherwise; one-sided, the earlier grade
///   higher. Grade 4 is marked by the pupils' own class teacher; grade 5 is not.
/// - `gia_minimum_trend`: a ГИА unit's participants at the minimum against the same school,
///   exam and subject the year before (``GIAMinimumTrendTest``), with the slope over all years.
/// - persistence: a school whose units reached `medium` or `high` in an earlier year gets
///   ``persistenceWeight`` in the weighted BH of ``RiskModel``; weights are rescaled to mean
///   1 within each sitting, so the false discovery rate stays controlled.
///
/// Every z is calibrated against the sitting's empirical null (honest schools change from
/// year to year and cohort to cohort more than sampling alone explains).
public enum CrossYearAnalysis {
    /// Prior weight of a school with signs in an earlier year, before rescaling.
    public static let persistenceWeight = 3.0
    /// Matched participant codes needed to compare the same pupils.
    public static let minimumMatchedPupils = 5

    /// Whether ``apply(to:thresholds:)`` reads the participant codes of sitting `key`: a
    /// ВПР sitting with the same subject a grade and a year later or earlier among `keys`
    /// (a cohort of the same pupils). The codes of the others can go before it runs.
    public static func readsParticipantCodes(of key: SittingKey, among keys: [SittingKey]) -> Bool {
        key.isVPR && keys.contains { other in
            other.isVPR && other.subject == key.subject
                && ((other.grade == key.grade + 1 && other.year == key.year + 1) || (other.grade == key.grade - 1 && other.year == key.year - 1))
        }
    }

    /// - Parameter thresholds: the risk levels' thresholds, applied with the persistence prior.
    public static func apply(to analyses: inout [SittingAnalysis], thresholds: RiskModel.Thresholds = .standard) {
        // What the comparisons read of other units (summaries, years, places) is gathered
        // first; then each sitting appends its year jumps and cohorts to its own units in
        // place. Computing them all before appending held a quarter of a gigabyte of new
        // indicators at once at national size: the scan's peak of memory.
        // The ВПР units' comparisons and the ГИА trends are gathered side by side (one after
        // the other, they left a core idle for a second at national size).
        let gathered = OrderedResults<Comparisons>(count: 1), trends = OrderedResults<[(unit: Int, indicator: IndicatorResult)]>(count: analyses.count)
        do {
            let read = analyses
            DispatchQueue.concurrentPerform(iterations: 2) { job in
                if job == 0 {
                    gathered.store(Comparisons(read), at: 0)
                } else {
                    for (a, found) in giaTrends(for: read).enumerated() { trends.store(found, at: a) }
                }
            }
        }
        let comparisons = gathered.take(at: 0)
        // Sittings are calibrated independently, on both cores. Each sitting's units move
        // into a box of their own and are changed in place there: a copy would hold every
        // unit of the country twice.
        let boxes = analyses.indices.map { a in
            let box = UnitsBox(analyses[a].units)
            analyses[a].units = []
            return box
        }
        LargestFirst.perform(sizes: boxes.map(\.units.count)) { a in
            let box = boxes[a]
            comparisons.addIndicators(ofSitting: a, to: &box.units)
            for (u, indicator) in trends.take(at: a) { box.units[u].indicators.append(indicator) }
            SittingAnalysis.calibrate(&box.units, families: ["year_jump/level", "year_jump/journal", "cohort"])
            let combination = JournalEvidenceCombination(units: box.units)
            for u in box.units.indices { if let combined = combination.inflatedJournal(box.units[u]) { box.units[u].indicators.append(combined) } }
        }
        for (a, box) in boxes.enumerated() {
            analyses[a].units = box.units
            box.units = []
        }
        applyPersistence(to: &analyses, thresholds: thresholds)
    }

    /// What the comparisons across years read of all sittings, gathered before any unit
    /// changes: every ВПР unit's key and place, its summary and year, and the sittings'
    /// works (for cohorts of the same pupils).
    private struct Comparisons: Sendable {
        private var keys: [[UnitKey]] = []
        private var index: [UnitKey: Place] = [:]
        /// Units by series (the key with year 0) and by school number, each with its place:
        /// a unit compares itself with some ten others, and finding each again by its key
        /// was a hash lookup and a cache miss apiece.
        private var series: [UnitKey: [Located]] = [:]
        private var bySchool: [[Located]] = []
        /// Each ВПР unit's summary and year, by sitting and unit (empty for ГИА sittings).
        private var earlier: [[Earlier]] = []
        private let sittings: [Sitting]
        private let standardisations: [ScoreStandardisation]

        init(_ analyses: [SittingAnalysis]) {
            sittings = analyses.map(\.sitting)
            standardisations = analyses.map { ScoreStandardisation($0.sitting.works.primaryScore) }
            // Keys of integers: schools and subjects numbered once here (subjects in name
            // order, so that ordering by number is ordering by name), because hashing a
            // Cyrillic subject normalises it, and every unit looks up some twenty keys.
            let subjectNames = Set(analyses.map(\.sitting.key.subject)).sorted()
            let subjectNumber = Dictionary(uniqueKeysWithValues: subjectNames.enumerated().map { ($1, Int32($0)) })
            var schoolNumber: [String: Int32] = [:]
            for (a, analysis) in analyses.enumerated() {
                // ГИА sittings have no journal, cohorts or ВПР levels; their own trend is ``giaTrends(for:)``.
                guard analysis.sitting.key.isVPR else {
                    keys.append([])
                    earlier.append([])
                    continue
                }
                let subject = subjectNumber[analysis.sitting.key.subject]!
                var ofAnalysis: [UnitKey] = []
                ofAnalysis.reserveCapacity(analysis.units.count)
                for (u, unit) in analysis.units.enumerated() {
                    let school: Int32
                    if let known = schoolNumber[unit.school] {
                        school = known
                    } else {
                        school = Int32(schoolNumber.count)
                        schoolNumber[unit.school] = school
                        bySchool.append([])
                    }
                    let key = UnitKey(school: school, subject: subject, grade: Int32(unit.sitting.grade), year: Int32(unit.sitting.year))
                    ofAnalysis.append(key)
                    index[key] = Place(analysis: a, unit: u)
                    series[key.series, default: []].append(Located(key: key, analysis: a, unit: u))
                    bySchool[Int(school)].append(Located(key: key, analysis: a, unit: u))
                }
                keys.append(ofAnalysis)
                earlier.append(analysis.units.map(Earlier.init))
            }
        }

        /// Appends the year jumps and the cohort of every unit of sitting `a` (ВПР only) to
        /// `units`, that sitting's units; reads only what was gathered at `init`.
        func addIndicators(ofSitting a: Int, to units: inout [UnitResult]) {
            guard sittings[a].key.isVPR else { return }
            for u in units.indices {
                let found = indicators(of: units[u], at: u, inSitting: a)
                units[u].indicators.append(contentsOf: found)
            }
        }

        private func indicators(of unit: UnitResult, at u: Int, inSitting a: Int) -> [IndicatorResult] {
            var found: [IndicatorResult] = []
            let key = keys[a][u], sitting = sittings[a]
            // Only each other unit's summary and year: copying whole results retained every
            // string and array of some ten units per unit.
            let others = (series[key.series] ?? []).filter { $0.key.year != key.year }.sorted { $0.key.year < $1.key.year }
                .map { earlier[$0.analysis][$0.unit] }
            if !others.isEmpty { found.append(yearJump(unit, others: others)) }
            let schoolOthers = bySchool[Int(key.school)].filter { $0.key.year != key.year }
                .sorted { ($0.key.year, $0.key.subject, $0.key.grade) < ($1.key.year, $1.key.subject, $1.key.grade) }
                .map { earlier[$0.analysis][$0.unit] }
            if unit.summary.journalExcessVariance.isFinite, let journal = journalJump(unit, others: schoolOthers) {
                found.append(journal)
            }
            let next = UnitKey(school: key.school, subject: key.subject, grade: key.grade + 1, year: key.year + 1)
            if let later = index[next] {
                // The same school: its login is the unit's own.
                found.append(cohort(unit, rows: sitting.rows(ofSchool: sitting.schools.id(of: unit.school)!), in: sitting,
                                    scale: standardisations[a], later: earlier[later.analysis][later.unit],
                                    laterSitting: sittings[later.analysis], laterScale: standardisations[later.analysis]))
            }
            return found
        }
    }

    /// `gia_minimum_trend` of every ГИА unit with an earlier year of the same school, exam
    /// and subject (``GIAMinimumTrendTest``), from the units' `gia_minimum_share` results.
    private static func giaTrends(for analyses: [SittingAnalysis]) -> [[(unit: Int, indicator: IndicatorResult)]] {
        struct Series: Hashable { var exam: String, subject: String, school: String }
        var series: [Series: [(analysis: Int, unit: Int, share: GIAMinimumTrendTest.YearShare)]] = [:]
        for (a, analysis) in analyses.enumerated() where !analysis.sitting.key.isVPR {
            for (u, unit) in analysis.units.enumerated() {
                // The share test's k, m and estimate (k − m p)/n give back its p.
                guard let share = unit.indicators.first(where: { $0.code == "gia_minimum_share" })?.test,
                      let near = share.parameter, unit.works > 0 else { continue }
                let p = near > 0 ? (share.statistic - share.estimate * Double(unit.works)) / near : 0.5
                let year = GIAMinimumTrendTest.YearShare(year: unit.sitting.year, above: Int(share.statistic), nearMinimum: Int(near),
                                                         participants: unit.works, localProbability: max(0, min(1, p)))
                series[Series(exam: unit.sitting.assessment, subject: unit.sitting.subject, school: unit.school), default: []]
                    .append((a, u, year))
            }
        }
        var added = [[(unit: Int, indicator: IndicatorResult)]](repeating: [], count: analyses.count)
        for members in series.values where members.count > 1 {
            for member in members {
                guard let (test, detail) = GIAMinimumTrendTest.test(current: member.share, earlier: members.map(\.share)) else { continue }
                added[member.analysis].append((member.unit, IndicatorResult(code: "gia_minimum_trend", detail: IndicatorDetail(detail), test: test)))
            }
        }
        // In unit order within a sitting, whatever order the dictionary gave.
        return added.map { $0.sorted { $0.unit < $1.unit } }
    }

    /// Risk year by year: each year's prior weights come from the levels of earlier years.
    /// The sittings of one year depend only on earlier years: they are weighed and ranked on
    /// both cores, each in a box of its own.
    private static func applyPersistence(to analyses: inout [SittingAnalysis], thresholds: RiskModel.Thresholds) {
        var flagged: [String: Set<Int>] = [:]
        for year in Set(analyses.map(\.sitting.key.year)).sorted() {
            let ofYear = analyses.indices.filter { analyses[$0].sitting.key.year == year }
            let boxes = ofYear.map { a in
                let box = UnitsBox(analyses[a].units)
                analyses[a].units = []
                return box
            }
            let earlierYears = flagged
            LargestFirst.perform(sizes: boxes.map(\.units.count)) { b in
                let box = boxes[b]
                for u in box.units.indices {
                    let earlier = (earlierYears[box.units[u].school] ?? []).filter { $0 < year }.sorted()
                    box.units[u].earlierFlaggedYears = earlier
                    box.units[u].priorWeight = earlier.isEmpty ? 1 : persistenceWeight
                }
                let mean = box.units.reduce(0) { $0 + $1.priorWeight } / Double(max(1, box.units.count))
                for u in box.units.indices { box.units[u].priorWeight /= mean }
                RiskModel.apply(to: &box.units, thresholds: thresholds)
            }
            for (b, a) in ofYear.enumerated() {
                analyses[a].units = boxes[b].units
                boxes[b].units = []
            }
            for a in ofYear {
                for unit in analyses[a].units where unit.riskLevel >= .medium { flagged[unit.school, default: []].insert(year) }
            }
        }
    }

    /// What the comparisons across years need of another unit of the same school.
    private struct Earlier {
        var summary: UnitSummary
        var year: Int

        init(_ unit: UnitResult) {
            summary = unit.summary
            year = unit.sitting.year
        }
    }

    private static func yearJump(_ unit: UnitResult, others: [Earlier]) -> IndicatorResult {
        let (level, levelVariance) = pooled(others.map { ($0.summary.level, $0.summary.levelVariance) })
        let twos = others.reduce(0) { $0 + $1.summary.shareOfTwos } / Double(others.count)
        let d = unit.summary.level - level
        let z = d / (unit.summary.levelVariance + levelVariance).squareRoot()
        let years = others.map(\.year)
        return IndicatorResult(code: "year_jump", direction: "level",
                               detail: ["years_compared": Double(years.count), "twos_change": unit.summary.shareOfTwos - twos],
                               test: HypothesisTestResult(
                                   statistic: z, parameter: Double(unit.works), pValue: NormalDistribution().upperTail(z), estimate: d,
                                   method: Self.yearJumpMethod,
                                   alternative: .greater, standardized: z, caveats: caveats(unit)))
    }

    // Methods are constants: a string formatted per unit would be kept for every unit of
    // the country (the years compared are in the detail).
    private static let yearJumpMethod = "the unit's mean standardised score against the same school, subject and grade in the other years (normal approximation, calibrated by the sitting's empirical null); estimate: rise in SDs of the sitting's works"
    private static let cohortPupilsMethod = "the unit's standardised level against the same pupils a grade and a year later (normal approximation, calibrated by the sitting's empirical null); estimate: drop in SDs of the sittings' works"
    private static let cohortSchoolMethod = "the unit's standardised level against the same school's cohort a grade and a year later (normal approximation, calibrated by the sitting's empirical null); estimate: drop in SDs of the sittings' works"

    /// - Parameter others: the school's other units of other years, in year order.
    private static func journalJump(_ unit: UnitResult, others: [Earlier]) -> IndicatorResult? {
        let known = others.filter { $0.summary.journalExcessVariance.isFinite }
        guard !known.isEmpty else { return nil }
        let (excess, variance) = pooled(known.map { ($0.summary.journalExcess, $0.summary.journalExcessVariance) })
        let d = unit.summary.journalExcess - excess
        let z = d / (unit.summary.journalExcessVariance + variance).squareRoot()
        // The years compared: `others` come in year order, so each new year is a change.
        let years = 1 + zip(known, known.dropFirst()).reduce(0) { $0 + ($1.0.year != $1.1.year ? 1 : 0) }
        return IndicatorResult(code: "year_jump", direction: "journal", detail: ["years_compared": Double(years)],
                               test: HypothesisTestResult(
                                   statistic: z, parameter: Double(unit.works), pValue: NormalDistribution().upperTail(z), estimate: d,
                                   method: "the journal's excess «Понизили» against the same school's journals in other years (normal approximation, calibrated by the sitting's empirical null); estimate: rise of the excess share of works",
                                   alternative: .greater, standardized: z, caveats: caveats(unit)))
    }

    private static func cohort(_ unit: UnitResult, rows: Range<Int>, in sitting: Sitting, scale: ScoreStandardisation,
                               later: Earlier, laterSitting: Sitting, laterScale: ScoreStandardisation) -> IndicatorResult {
        var laterByCode: [String: Double] = [:]
        if let laterSchool = laterSitting.schools.id(of: unit.school) {
            let laterRows = laterSitting.rows(ofSchool: laterSchool)
            laterByCode.reserveCapacity(laterRows.count)
            for row in laterRows {
                laterByCode[laterSitting.works.participantCode[row]] = laterScale.z(laterSitting.works.primaryScore[row])
            }
        }
        var differences: [Double] = []
        for row in rows {
            if let z = laterByCode[sitting.works.participantCode[row]] { differences.append(scale.z(sitting.works.primaryScore[row]) - z) }
        }
        let d: Double, variance: Double
        if differences.count >= minimumMatchedPupils {
            let m = Double(differences.count)
            d = differences.reduce(0, +) / m
            variance = max(0.05, differences.reduce(0) { $0 + ($1 - d) * ($1 - d) } / (m - 1)) / m
        } else {
            d = unit.summary.level - later.summary.level
            variance = unit.summary.levelVariance + later.summary.levelVariance
        }
        let z = d / variance.squareRoot()
        return IndicatorResult(code: "cohort", detail: ["matched": Double(differences.count), "later_year": Double(later.year)],
                               test: HypothesisTestResult(
                                   statistic: z, parameter: Double(unit.works), pValue: NormalDistribution().upperTail(z), estimate: d,
                                   method: differences.count >= minimumMatchedPupils ? Self.cohortPupilsMethod : Self.cohortSchoolMethod,
                                   alternative: .greater, standardized: z, caveats: caveats(unit)))
    }

    /// Inverse-variance mean of (value, variance) pairs and its variance.
    private static func pooled(_ values: [(Double, Double)]) -> (Double, Double) {
        let usable = values.filter { $0.1.isFinite && $0.1 > 0 }
        guard !usable.isEmpty else { return (0, .infinity) }
        let weight = usable.reduce(0) { $0 + 1 / $1.1 }
        return (usable.reduce(0) { $0 + $1.0 / $1.1 } / weight, 1 / weight)
    }

    private static func caveats(_ unit: UnitResult) -> [String] { SmallUnitCaveat.caveats(unit.works) }

    /// A unit's place in the series of its school: subject, grade and year.
    private struct UnitKey: Hashable {
        /// Numbers given in ``additions(for:)``.
        var school: Int32
        var subject: Int32
        var grade: Int32
        var year: Int32

        /// The key of the school's series of this subject and grade (year 0).
        var series: UnitKey { UnitKey(school: school, subject: subject, grade: grade, year: 0) }
    }

    /// Where a unit's result is: its sitting's place and its own.
    private struct Place {
        var analysis: Int
        var unit: Int
    }

    /// A unit's key and where its result is.
    private struct Located {
        var key: UnitKey
        var analysis: Int
        var unit: Int
    }
}

/// One sitting's units while they are changed on one of the cores (each box is touched by
/// one thread only, inside one `concurrentPerform` iteration).
private final class UnitsBox: @unchecked Sendable {
    var units: [UnitResult]
    init(_ units: [UnitResult]) { self.units = units }
}
