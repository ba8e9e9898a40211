/// Every unit-level indicator over every school of one sitting, with multiplicity control
/// and risk: the statistical heart of `objectivity scan`. Pure: a sitting in, results out.
public struct SittingAnalysis: Sendable {
    /// The sitting analysed; its works are empty after ``releaseWorks()``.
    public private(set) var sitting: Sitting
    /// Bunching at each cut, region level.
    public let bunching: [(mark: Int, estimate: BunchingEstimate)]
    /// Every unit's indicators and risk; ``CrossYearAnalysis`` adds its indicators later.
    public internal(set) var units: [UnitResult]
    /// Peer groups of the sitting's units (`clusters.jsonl`) behind `peer_outlier`; nil for
    /// a ГИА sitting, which has no task columns to group by.
    public let peerGroups: PeerGroups?

    /// - Parameters:
    ///   - context: registry and ГИА knowledge for `high_results`; empty when not uploaded.
    ///   - seed: seed of the bootstrap (region bunching); results are reproducible.
    public init(sitting: Sitting, context: SittingContext = SittingContext(), seed: UInt64) {
        guard sitting.key.isVPR else {
            self = Self.gia(sitting, seed: seed)
            return
        }
        self.sitting = sitting
        let histogram = SittingBunching.histogram(of: sitting)
        let bunching = SittingBunching.estimates(for: sitting, seed: seed)
        self.bunching = bunching
        let shape = SittingBunching.counterfactualShape(histogram: histogram, estimates: bunching)
        let cuts = (3...5).compactMap { sitting.scale.cut(for: $0) }
        let threshold = ThresholdPeakTest(regionShape: shape, cuts: cuts)
        let unitLevels = UnitLevels(sitting: sitting)
        let levels = zip(unitLevels.forVPRSide, unitLevels.forJournalSide).map { JournalDiscrepancyTest.Level(vprSide: $0, journalSide: $1) }
        let journal = JournalDiscrepancyTest(vpr: sitting.works.mark, journal: sitting.works.journalMark,
                                             scores: sitting.works.primaryScore, levels: sitting.works.school.map { levels[Int($0)] })
        let profiles = TaskProfileTest(sitting: sitting).tests(sitting: sitting)
        let distribution = DistributionTest(threshold: threshold)
        let similarity = AnswerSimilarityTest(sitting: sitting)
        let personFit = PersonFitTest(sitting: sitting)
        let spread = JournalSpreadTest(scores: sitting.works.primaryScore, journal: sitting.works.journalMark,
                                       units: (0..<Int32(sitting.schools.count)).map { sitting.rows(ofSchool: $0) })
        let high = HighResultsTest(model: SchoolLevelModel(groups: (0..<Int32(sitting.schools.count)).map { school in
            var group = SchoolLevelModel.Group()
            for row in sitting.rows(ofSchool: school) { group.add(Double(sitting.works.primaryScore[row])) }
            return group
        }))
        let standardScores = Self.standardScores(sitting)
        var units: [UnitResult] = []
        for school in 0..<Int32(sitting.schools.count) {
            let rows = sitting.rows(ofSchool: school)
            guard !rows.isEmpty else { continue }
            var counts = [Int](repeating: 0, count: shape.count)
            for row in rows { counts[Int(sitting.works.primaryScore[row])] += 1 }
            var indicators: [IndicatorResult] = []
            indicators.reserveCapacity(Self.indicatorsPerUnit)
            let shape = threshold.tiltedShape(counts: counts).weights  // fitted once for both shape tests
            indicators.append(IndicatorResult(code: "threshold_peak", test: threshold.pooledTest(counts: counts, shape: shape)))
            // The unit's Monte Carlo stream follows its login, not its place in the sitting:
            // the same works give the same result whatever order the files arrived in.
            var unitStream = SplitMix64(seed: seed, stream: StableHash.of(sitting.schools[school]))
            indicators.append(IndicatorResult(code: "distribution", test: distribution.test(counts: counts, shape: shape, seed: unitStream.next())))
            if let profile = profiles[school] { indicators.append(IndicatorResult(code: "task_inversion", test: profile)) }
            indicators.append(IndicatorResult(code: "person_fit", test: personFit.test(rows: rows, seed: unitStream.next())))
            let similar = similarity.test(sitting: sitting, rows: rows)
            let groups = similar.groups.map { $0.map { sitting.works.participantCode[$0] } }
            for (direction, test) in [("near_identical", similar.nearIdentical), ("shared_slips", similar.sharedSlips)] {
                var detail = ["near_identical_groups": Double(groups.count)]
                if direction == "near_identical" { detail["expected_pairs"] = (similar.expectedNearIdentical * 100).rounded() / 100 }
                var result = IndicatorResult(code: "answer_similarity", direction: direction, detail: IndicatorDetail(detail), test: test)
                result.groups = groups
                indicators.append(result)
            }
            let login = sitting.schools[school]
            indicators.append(IndicatorResult(code: "high_results", test: high.test(
                scores: sitting.works.primaryScore[rows], selective: context.selectiveSchools.contains(login),
                giaZ: context.giaLevels[login])))
            let discrepancy = journal.test(vpr: sitting.works.mark[rows], journal: sitting.works.journalMark[rows],
                                           scores: sitting.works.primaryScore[rows], level: levels[Int(school)])
            indicators.append(IndicatorResult(code: "journal_discrepancy", direction: "confirmed", test: discrepancy.confirmed))
            indicators.append(IndicatorResult(code: "journal_discrepancy", direction: "raised", test: discrepancy.raised))
            indicators.append(IndicatorResult(code: "journal_discrepancy", direction: "lowered", test: discrepancy.lowered))
            indicators.append(IndicatorResult(code: "journal_discrepancy", direction: "large_gaps", test: discrepancy.largeGaps))
            indicators.append(IndicatorResult(code: "journal_discrepancy", direction: "spread",
                                              test: spread.test(scores: sitting.works.primaryScore[rows], journal: sitting.works.journalMark[rows])))
            var unit = UnitResult(sitting: sitting.key, school: sitting.schools[school], works: rows.count,
                                  indicators: indicators, riskScore: 0, riskLevel: .none)
            unit.summary = Self.summary(rows: rows, standardScores: standardScores, marks: sitting.works.mark, lowered: discrepancy.lowered)
            units.append(unit)
        }
        let giaPairs: [VPRVersusGIATest.Pair?] = units.map { unit in
            context.giaComparison[unit.school].map {
                VPRVersusGIATest.Pair(vpr: unit.summary.level, vprVariance: unit.summary.levelVariance, gia: $0.level,
                                      giaVariance: $0.variance, works: unit.works)
            }
        }
        let peers = PeerGroups(sitting: sitting, selective: context.selectiveSchools, seed: seed)
        peerGroups = peers
        for u in units.indices {
            guard let school = sitting.schools.id(of: units[u].school), let outlier = peers.outliers[school] else { continue }
            units[u].indicators.append(IndicatorResult(code: "peer_outlier", detail: ["group": Double(peers.groupOfSchool[school] ?? 0)],
                                                       test: outlier))
        }
        let giaTest = VPRVersusGIATest(pairs: giaPairs.compactMap { $0 })
        for (u, pair) in giaPairs.enumerated() {
            guard let pair else { continue }
            units[u].indicators.append(IndicatorResult(code: "vpr_vs_gia", detail: ["gia_level": (pair.gia * 1000).rounded() / 1000],
                                                       test: giaTest.test(pair)))
        }
        Self.calibrate(&units, families: ["vpr_vs_gia", "distribution", "task_inversion", "person_fit", "answer_similarity/near_identical", "journal_discrepancy/confirmed",
                                                                "journal_discrepancy/raised", "journal_discrepancy/lowered", "journal_discrepancy/large_gaps", "journal_discrepancy/spread"])
        RiskModel.apply(to: &units)
        self.units = units
    }

    init(sitting: Sitting, bunching: [(mark: Int, estimate: BunchingEstimate)], units: [UnitResult], peerGroups: PeerGroups?) {
        self.sitting = sitting
        self.bunching = bunching
        self.units = units
        self.peerGroups = peerGroups
    }

    /// Room for every indicator a unit can end with: 12 made per unit here, `peer_outlier`
    /// and `vpr_vs_gia`, and the four ``CrossYearAnalysis`` adds (`year_jump` ×2, `cohort`,
    /// the combined journal evidence). Reserved at once, because an array grown by appends
    /// doubles to 32, and a country has 600,000 units.
    static let indicatorsPerUnit = 18

    /// Lets every work column but the primary score and participant code go once the
    /// sitting's own indicators are computed (task scores, variants, schools, classes,
    /// marks, journal marks): what follows — the comparisons across years and the outputs —
    /// reads a work only by those two (a school's works by ``Sitting/rows(ofSchool:)``). At
    /// national size the others are three quarters of the works' memory, and the
    /// comparisons across years are when memory peaks.
    public mutating func releaseAnalysedColumns() {
        sitting.works.taskScores = []
        sitting.works.variant = []
        sitting.works.school = []
        sitting.works.classID = []
        sitting.works.mark = []
        sitting.works.journalMark = []
    }

    /// Lets the participant codes go, for a sitting whose pupils no cohort follows
    /// (``CrossYearAnalysis/readsParticipantCodes(of:among:)``).
    public mutating func releaseParticipantCodes() {
        sitting.works.participantCode = ByteStringColumn()
    }

    /// Lets the sitting's works go once nothing will read them again (the outputs need the
    /// results, keys and scales): at national size they are over a gigabyte, and the
    /// outputs' formatting can reuse that memory instead of adding to the peak.
    public mutating func releaseWorks() {
        sitting.works = WorkColumns(taskCount: sitting.works.taskCount)
    }

    /// Each work's primary score in standard deviations of the sitting's works from their mean.
    static func standardScores(_ sitting: Sitting) -> [Double] {
        let scale = ScoreStandardisation(sitting.works.primaryScore)
        return sitting.works.primaryScore.map(scale.z)
    }

    /// A unit's summary for the comparisons across years. The journal excess's variance is
    /// taken as E(1 − E/n) for E expected «Понизили» of n — the binomial bound on the
    /// Poisson-binomial variance, so a little conservative.
    private static func summary(rows: Range<Int>, standardScores: [Double], marks: [Int8], lowered: HypothesisTestResult) -> UnitSummary {
        let n = Double(rows.count)
        let z = standardScores[rows]
        let mean = z.reduce(0, +) / n
        let spread = rows.count > 1 ? z.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1) : 1
        let twos = Double(marks[rows].filter { $0 == 2 }.count) / n
        let compared = lowered.parameter ?? 0
        let expected = lowered.statistic - lowered.estimate * compared
        let journalVariance = compared > 0 ? max(0.25, expected * (1 - expected / compared)) / (compared * compared) : .infinity
        return UnitSummary(level: mean, levelVariance: max(spread, 0.05) / n, shareOfTwos: twos, journalExcess: lowered.estimate,
                           journalExcessVariance: journalVariance)
    }

    /// Journal marks and task profiles differ between honest schools more than independent
    /// works would: each such family's p-values are recalibrated against the sitting's
    /// empirical null (a between-unit variance growing with the unit's size), estimated from
    /// units of at least ``ThresholdPeakTest/smallUnit`` works.
    static func calibrate(_ units: inout [UnitResult], families: [String]) {
        // Where each family's results are, found in one pass, the names compared in place.
        let places = IndicatorFamilies.places(of: units) { indicator in families.firstIndex(where: { indicator.isFamily($0) }) }
        for found in places {
            var z: [Double] = [], works: [Int] = []
            var previousUnit = -1
            for (u, i) in found where units[u].works >= ThresholdPeakTest.smallUnit {
                defer { previousUnit = u }
                guard u != previousUnit, let statistic = units[u].indicators[i].test.standardized else { continue }
                z.append(statistic)
                works.append(units[u].works)
            }
            let null = EmpiricalNull(standardized: z, works: works)
            for (u, i) in found {
                let exact = units[u].indicators[i].test.pValue, standardized = units[u].indicators[i].test.standardized
                units[u].indicators[i].test.pValue = null.pValue(exact: exact, standardized: standardized, works: units[u].works)
                units[u].indicators[i].nullScale = Float((null.scale(works: units[u].works) * 100).rounded() / 100)
            }
        }
    }
}
