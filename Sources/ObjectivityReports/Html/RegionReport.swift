public import ObjectivityCore

/// The region report: one self-contained HTML file (inline CSS, inline SVG, a few lines of
/// script for sorting) that a methodologist opens offline and prints.
///
/// Sections: summary; trends over years; municipalities; the ranked table of units with
/// any risk (sortable); the recheck outcomes when commissions have returned lists; per
/// sitting the region's histogram with the cuts and the bunching estimates; per flagged
/// unit its histogram against the one expected at its level, its journal-versus-ВПР table
/// and its task-success profile against the region; a ГИА section (participants at the
/// minimum over years per municipality and per school, then the ГИА sittings like the ВПР
/// ones). Wording follows DOMAIN.md: signs and
/// risk that require checking, never proof, never a judgement of a teacher.
public struct RegionReport: Sendable {
    public var analyses: [SittingAnalysis]
    /// Municipality and name by school login (the registry; exports fill the gaps).
    public var municipalities: [String: String]
    public var schoolNames: [String: String]
    /// The latest alert id by unit key `year|subject|grade|school`.
    public var alertIDs: [String: String]
    /// Each alert's recheck status, by alert id.
    public var confirmations: [String: RecheckConfirmation.Status]
    public var confirmation: ConfirmationReport?
    /// When the report was made, as people read it (e.g. `2026-11-23 23:40 UTC`).
    public var generated: String
    /// Flagged units drawn in full per sitting; the rest are in the ranked table.
    public var unitsDrawnPerSitting = 40

    public init(analyses: [SittingAnalysis], municipalities: [String: String] = [:], schoolNames: [String: String] = [:],
                alertIDs: [String: String] = [:], confirmations: [String: RecheckConfirmation.Status] = [:],
                confirmation: ConfirmationReport? = nil, generated: String) {
        self.analyses = analyses
        self.municipalities = municipalities
        self.schoolNames = schoolNames
        self.alertIDs = alertIDs
        self.confirmations = confirmations
        self.confirmation = confirmation
        self.generated = generated
    }

    /// The whole document.
    public var html: String { document(sittingSections: sortedAnalyses.map(sittingSection(for:))) }

    /// The sittings in the order the report shows them: ВПР, then each ГИА exam, newest
    /// year first within each.
    public var sortedAnalyses: [SittingAnalysis] {
        analyses.sorted { a, b in
            let x = a.sitting.key, y = b.sitting.key
            if x.isVPR != y.isVPR { return x.isVPR }
            return (x.assessment, x.year, x.subject, x.grade) > (y.assessment, y.year, y.subject, y.grade)
        }
    }

    /// What a sitting's section depends on besides its works, as text: each unit's risk,
    /// fired families, alert and recheck status. A section may be reused while this and
    /// the sitting's works are unchanged (the daemon re-analyses one sitting per upload).
    public func sectionSignature(for analysis: SittingAnalysis) -> String {
        let checksum = analysis.sitting.works.primaryScore.enumerated().reduce(0) { $0 &+ ($1.offset &+ 1) &* Int($1.element) }
        var signature = "\(analysis.sitting.key)|\(analysis.sitting.works.count)|\(checksum)|\(unitsDrawnPerSitting)"
        for unit in analysis.units where unit.riskLevel >= .medium {
            let id = alertIDs[key(unit)] ?? ""
            signature += "|\(unit.school):\(unit.riskScore):\(unit.riskLevel.rawValue):\(unit.earlierFlaggedYears):\(id):"
                + (confirmations[id]?.rawValue ?? "") + unit.indicators.map { "\($0.family)=\($0.test.pValue),\($0.qValue)" }.joined(separator: ";")
        }
        return signature
    }

    /// The document around the sittings' sections (in ``sortedAnalyses`` order).
    public func document(sittingSections: [String]) -> String {
        var out = "<!DOCTYPE html>\n<html lang=\"ru\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        let what = analyses.contains { !$0.sitting.key.isVPR } ? "ВПР и ГИА" : "ВПР"
        out += "<title>Признаки необъективности результатов \(what) — отчёт по региону</title><style>\(Self.style)</style></head><body>"
        out += "<header><h1>Признаки необъективности результатов \(what) — отчёт по региону</h1>"
        out += "<p class=\"note\">Сформирован \(HTMLText.escape(generated)). Признаки — это риск, требующий проверки, а не доказательство нарушений; оценивается результат, а не учитель.</p>"
        out += "<nav><a href=\"#summary\">Сводка</a> · <a href=\"#trends\">Динамика</a> · <a href=\"#municipalities\">Муниципалитеты</a> · <a href=\"#ranking\">Рейтинг риска</a>"
        if confirmation?.hasOutcomes == true { out += " · <a href=\"#recheck\">Перепроверка</a>" }
        out += " · <a href=\"#sittings\">Сессии</a>"
        let gia = sortedAnalyses.filter { !$0.sitting.key.isVPR }
        if !gia.isEmpty { out += " · <a href=\"#gia\">ГИА</a>" }
        out += "</nav></header><main>"
        out += summary + trends + municipalityTable + ranking
        if let confirmation, confirmation.hasOutcomes { out += recheck(confirmation) }
        out += "<section id=\"sittings\"><h2>Сессии ВПР</h2>"
        for (analysis, section) in zip(sortedAnalyses, sittingSections) where analysis.sitting.key.isVPR { out += section }
        out += "</section>"
        if !gia.isEmpty {
            out += giaSection(gia, sittingSections: zip(sortedAnalyses, sittingSections).filter { !$0.0.sitting.key.isVPR }.map(\.1))
        }
        out += "</main><script>\(Self.script)</script></body></html>\n"
        return out
    }

    private var allUnits: [UnitResult] { analyses.flatMap(\.units) }

    // MARK: Sections

    private var summary: String {
        let units = allUnits
        let high = units.filter { $0.riskLevel == .high }.count, medium = units.filter { $0.riskLevel == .medium }.count
        let schools = Set(units.map(\.school)).count
        let flaggedSchools = Set(units.filter { $0.riskLevel >= .medium }.map(\.school)).count
        let works = units.reduce(0) { $0 + $1.works }
        let years = Set(analyses.map(\.sitting.key.year)).sorted()
        var out = "<section id=\"summary\"><h2>Сводка</h2><div class=\"cards\">"
        for (value, label) in [(String(analyses.count), "сессий (год × предмет × класс)"), (String(schools), "ОО"), (String(works), "работ"),
                               (String(units.count), "единиц анализа (ОО × сессия)"), (String(high), "с высоким риском"),
                               (String(medium), "со средним риском"), (String(flaggedSchools), "ОО с признаками")] {
            out += "<div class=\"card\"><b>\(value)</b><span>\(label)</span></div>"
        }
        out += "</div><p>Годы: \(years.map(String.init).joined(separator: ", ")). Уровень риска основан на q-значениях (контроль доли ложных обнаружений); «высокий» — q ≤ 0,01, «средний» — q ≤ 0,05.</p></section>"
        return out
    }

    private var trends: String {
        let years = Set(analyses.map(\.sitting.key.year)).sorted()
        let series = Set(analyses.map { Self.seriesName($0.sitting.key) }).sorted()
        var out = "<section id=\"trends\"><h2>Динамика по годам</h2>"
        var lines: [(name: String, values: [Double?])] = []
        var rows = ""
        for name in series {
            var values: [Double?] = []
            for year in years {
                let units = analyses.filter { $0.sitting.key.year == year && Self.seriesName($0.sitting.key) == name }.flatMap(\.units)
                values.append(units.isEmpty ? nil : Double(units.filter { $0.riskLevel >= .medium }.count) / Double(units.count))
            }
            lines.append((name, values))
            rows += "<tr><td>\(HTMLText.escape(name))</td>" + values.map { "<td class=\"num\">\($0.map { HTMLText.number($0 * 100) + " %" } ?? "—")</td>" }.joined() + "</tr>"
        }
        out += SVGChart.trend(years: years, series: lines, title: "Доля единиц анализа со средним и высоким риском по годам")
        out += "<table><thead><tr><th>Сессия</th>" + years.map { "<th>\($0)</th>" }.joined() + "</tr></thead><tbody>\(rows)</tbody></table>"
        out += "<p class=\"note\">Доля единиц анализа со средним или высоким риском. Рост доли — повод проверить организацию процедуры в следующем году, а не вывод о конкретных ОО.</p></section>"
        return out
    }

    /// «Математика, 5 кл.» for ВПР, «ОГЭ: Математика» for an exam.
    static func seriesName(_ key: SittingKey) -> String {
        key.isVPR ? "\(key.subject), \(key.grade) кл." : "\(key.assessment): \(key.subject)"
    }

    func municipality(of school: String, in sitting: Sitting) -> String {
        if let known = municipalities[school], !known.isEmpty { return known }
        guard let id = sitting.schools.id(of: school), sitting.municipalities.count > 0 else { return "" }
        return sitting.municipalities[sitting.schoolMunicipality[Int(id)]]
    }

    private var municipalityTable: String {
        var rows: [String: (units: Int, medium: Int, high: Int, schools: Set<String>)] = [:]
        for analysis in analyses {
            for unit in analysis.units {
                let name = municipality(of: unit.school, in: analysis.sitting)
                var row = rows[name] ?? (0, 0, 0, [])
                row.units += 1
                if unit.riskLevel == .medium { row.medium += 1 }
                if unit.riskLevel == .high { row.high += 1; row.schools.insert(unit.school) }
                if unit.riskLevel == .medium { row.schools.insert(unit.school) }
                rows[name] = row
            }
        }
        var out = "<section id=\"municipalities\"><h2>Муниципалитеты</h2><table class=\"sortable\"><thead><tr><th>Муниципалитет</th><th>Единиц анализа</th><th>Высокий риск</th><th>Средний риск</th><th>Доля со средним и высоким</th><th>ОО с признаками</th></tr></thead><tbody>"
        for (name, row) in rows.sorted(by: { ($0.value.high + $0.value.medium, $1.key) > ($1.value.high + $1.value.medium, $0.key) }) {
            let share = row.units > 0 ? Double(row.high + row.medium) / Double(row.units) : 0
            out += "<tr><td>\(HTMLText.escape(name.isEmpty ? "не указан" : name))</td><td class=\"num\">\(row.units)</td><td class=\"num\">\(row.high)</td><td class=\"num\">\(row.medium)</td><td class=\"num\" data-sort=\"\(share)\">\(HTMLText.number(share * 100)) %</td><td class=\"num\">\(row.schools.count)</td></tr>"
        }
        return out + "</tbody></table></section>"
    }

    private func key(_ unit: UnitResult) -> String { unit.sitting.unitKey(school: unit.school) }

    func anchor(_ unit: UnitResult) -> String {
        "u-\(unit.sitting.year)-\(StableHash.of(unit.sitting.isVPR ? unit.sitting.subject : unit.sitting.assessment + " " + unit.sitting.subject))-\(unit.sitting.grade)-\(unit.school)"
    }

    private var ranking: String {
        var out = "<section id=\"ranking\"><h2>Рейтинг риска</h2><p class=\"note\">Все единицы анализа с низким, средним или высоким риском; щелчок по заголовку столбца сортирует таблицу.</p>"
        out += "<table class=\"sortable\" id=\"ranked\"><thead><tr><th>№</th><th>ОО</th><th>Наименование</th><th>Муниципалитет</th><th>Год</th><th>Предмет</th><th>Класс</th><th>Работ</th><th>Риск (0–1)</th><th>Уровень</th><th>Признаки</th><th>Перепроверка</th></tr></thead><tbody>"
        var ranked: [(unit: UnitResult, sitting: Sitting)] = []
        for analysis in analyses { for unit in analysis.units where unit.riskLevel >= .low { ranked.append((unit, analysis.sitting)) } }
        ranked.sort { ($0.unit.riskScore, $1.unit.school) > ($1.unit.riskScore, $0.unit.school) }
        for (rank, entry) in ranked.enumerated() {
            let unit = entry.unit
            let signs = unit.indicators.filter(\.fired).map { SignNames.russian($0.family) }.joined(separator: "; ")
            let status = alertIDs[key(unit)].flatMap { confirmations[$0] }.map(ConfirmationReport.russian) ?? ""
            let level = ConfirmationReport.russianLevel(unit.riskLevel.rawValue)
            let name = unit.riskLevel >= .medium ? "<a href=\"#\(anchor(unit))\">\(HTMLText.escape(unit.school))</a>" : HTMLText.escape(unit.school)
            out += "<tr class=\"\(unit.riskLevel.rawValue)\"><td class=\"num\">\(rank + 1)</td><td>\(name)</td><td>\(HTMLText.escape(schoolNames[unit.school] ?? ""))</td><td>\(HTMLText.escape(municipality(of: unit.school, in: entry.sitting)))</td><td class=\"num\">\(unit.sitting.year)</td><td>\(HTMLText.escape(unit.sitting.isVPR ? unit.sitting.subject : "\(unit.sitting.assessment) · \(unit.sitting.subject)"))</td><td class=\"num\">\(unit.sitting.grade)</td><td class=\"num\">\(unit.works)</td><td class=\"num\" data-sort=\"\(unit.riskScore)\">\(HTMLText.number(unit.riskScore, decimals: 2))</td><td data-sort=\"\(levelRank(unit.riskLevel))\">\(level)</td><td>\(HTMLText.escape(signs))</td><td>\(HTMLText.escape(status))</td></tr>"
        }
        if ranked.isEmpty { out += "<tr><td colspan=\"12\">Единиц анализа с признаками нет.</td></tr>" }
        return out + "</tbody></table></section>"
    }

    func levelRank(_ level: RiskLevel) -> Int {
        switch level {
        case .high: 3
        case .medium: 2
        case .low: 1
        case .none: 0
        }
    }

    private func recheck(_ report: ConfirmationReport) -> String {
        var out = "<section id=\"recheck\"><h2>Итоги перепроверки работ независимыми комиссиями</h2>"
        out += "<p class=\"note\">Доля снижений — как часто комиссия снизила первичный балл работ, на которых основан признак; рядом — то же для случайной контрольной выборки работ тех же ОО. Это точность признаков, измеренная на практике.</p>"
        out += "<table class=\"sortable\"><thead><tr>" + ConfirmationReport.indicatorHeader.map { "<th>\(HTMLText.escape($0))</th>" }.joined() + "</tr></thead><tbody>"
        for row in report.indicatorCells { out += "<tr>" + row.map { "<td>\(HTMLText.escape($0))</td>" }.joined() + "</tr>" }
        return out + "</tbody></table></section>"
    }

    // MARK: Sittings and units

    /// One sitting's section: the region's histogram and bunching, then its flagged units.
    public func sittingSection(for analysis: SittingAnalysis) -> String {
        let s = analysis.sitting
        let histogram = SittingBunching.histogram(of: s)
        let shape = SittingBunching.counterfactualShape(histogram: histogram, estimates: analysis.bunching)
        let cuts = (3...5).compactMap { mark in s.scale.cut(for: mark).map { (mark: mark, score: $0) } }
        let title = s.key.isVPR ? "\(s.key.year), \(HTMLText.escape(s.key.subject)), \(s.key.grade) класс"
            : "\(s.key.assessment) \(s.key.year), \(HTMLText.escape(s.key.subject))"
        let works = s.key.isVPR ? "работ" : "участников"
        var out = "<article class=\"sitting\"><h3>\(title)</h3>"
        out += "<p>\(s.works.primaryScore.count) \(works), \(analysis.units.count) ОО. Столбцы — число \(works) с каждым первичным баллом, линия — ожидаемое распределение без избытка у границ, пунктир — границы отметок"
            + (s.key.isVPR ? "." : " (для ГИА «3» — минимальный проходной балл; каждая ОО сравнивается с распределением региона как оно есть).") + "</p>"
        out += SVGChart.histogram(observed: histogram, expected: shape, cuts: cuts, title: "Распределение первичных баллов по региону")
        out += "<table><thead><tr><th>Граница</th><th>Балл</th><th>Окно</th><th>Избыток работ</th><th>Ст. ошибка</th><th>Недостаток ниже границы</th></tr></thead><tbody>"
        for (mark, e) in analysis.bunching {
            out += "<tr><td>«\(mark)»</td><td class=\"num\">\(e.cut)</td><td class=\"num\">\(e.cut - e.lowerWindow)…\(e.cut + e.upperWindow)</td><td class=\"num\">\(HTMLText.number(e.excessMass, decimals: 0))</td><td class=\"num\">\(HTMLText.number(e.standardError, decimals: 0))</td><td class=\"num\">\(HTMLText.number(e.missingMass, decimals: 0))</td></tr>"
        }
        out += "</tbody></table>"
        let flagged = analysis.units.filter { $0.riskLevel >= .medium }.sorted { ($0.riskScore, $1.school) > ($1.riskScore, $0.school) }
        if !flagged.isEmpty {
            // The null each unit was tested against: bunching-free for ВПР, the region as it is for ГИА.
            let threshold = ThresholdPeakTest(regionShape: s.key.isVPR ? shape : histogram, cuts: cuts.map(\.score))
            let regionProfile = Self.taskSuccess(s, rows: 0..<s.works.primaryScore.count)
            out += "<h4>ОО со средним и высоким риском (\(flagged.count))</h4>"
            for unit in flagged.prefix(unitsDrawnPerSitting) { out += self.unit(unit, sitting: s, threshold: threshold, cuts: cuts, regionProfile: regionProfile) }
            if flagged.count > unitsDrawnPerSitting {
                out += "<p class=\"note\">Ещё \(flagged.count - unitsDrawnPerSitting) ОО — в рейтинге риска выше.</p>"
            }
        }
        return out + "</article>"
    }

    private func unit(_ unit: UnitResult, sitting s: Sitting, threshold: ThresholdPeakTest, cuts: [(mark: Int, score: Int)],
                      regionProfile: [Double]) -> String {
        guard let school = s.schools.id(of: unit.school) else { return "" }
        let rows = s.rows(ofSchool: school)
        var counts = [Int](repeating: 0, count: threshold.regionShape.count)
        for row in rows where counts.indices.contains(Int(s.works.primaryScore[row])) { counts[Int(s.works.primaryScore[row])] += 1 }
        let weights = threshold.tiltedShape(counts: counts).weights
        let total = weights.reduce(0, +)
        let expected = weights.map { total > 0 ? $0 / total * Double(rows.count) : 0 }
        let level = ConfirmationReport.russianLevel(unit.riskLevel.rawValue)
        var out = "<div class=\"unit \(unit.riskLevel.rawValue)\" id=\"\(anchor(unit))\"><h5>\(HTMLText.escape(unit.school))"
        if let name = schoolNames[unit.school] { out += " — \(HTMLText.escape(name))" }
        out += " · риск \(level) (\(HTMLText.number(unit.riskScore, decimals: 2)))"
        if let id = alertIDs[key(unit)] {
            out += " · оповещение <code>\(HTMLText.escape(id))</code>"
            if let status = confirmations[id] { out += " · \(ConfirmationReport.russian(status))" }
        }
        out += "</h5><p>\(HTMLText.escape(UnitExplanation.text(for: unit, sitting: s)))</p><div class=\"charts\">"
        out += SVGChart.histogram(observed: counts.map(Double.init), expected: expected,
                                  cuts: cuts,
                                  title: "Первичные баллы ОО и ожидаемые при её уровне", width: 420, height: 170)
        guard s.key.isVPR else { return out + "</div></div>" }
        out += SVGChart.profile(labels: s.tasks.map(\.label), unit: Self.taskSuccess(s, rows: rows), region: regionProfile,
                                advanced: s.tasks.map { $0.level.map { $0 != .basic } ?? false },
                                title: "Выполнение заданий: регион (светлые) и ОО (тёмные; задания повышенного и высокого уровня — оранжевые)", width: 420, height: 170)
        out += "</div>" + journalTable(unit) + "</div>"
        return out
    }

    /// «Понизили / Подтвердили / Повысили»: the unit's counts and what the region predicts at its level.
    private func journalTable(_ unit: UnitResult) -> String {
        let directions = [("lowered", "Понизили (отметка ВПР ниже журнальной)"), ("confirmed", "Подтвердили (совпадает)"), ("raised", "Повысили (ВПР выше журнальной)")]
        var body = ""
        for (direction, label) in directions {
            guard let indicator = unit.indicators.first(where: { $0.code == "journal_discrepancy" && $0.direction == direction }),
                  let n = indicator.test.parameter, n > 0 else { continue }
            let observed = indicator.test.statistic
            let expected = observed - indicator.test.estimate * n
            body += "<tr\(indicator.fired ? " class=\"fired\"" : "")><td>\(label)</td><td class=\"num\">\(HTMLText.number(observed, decimals: 0))</td><td class=\"num\">\(HTMLText.number(expected))</td><td class=\"num\">\(HTMLText.number(observed / n * 100)) %</td><td class=\"num\">\(HTMLText.number(expected / n * 100)) %</td></tr>"
        }
        guard !body.isEmpty else { return "<p class=\"note\">Журнальных отметок нет.</p>" }
        return "<table class=\"journal\"><thead><tr><th>Сравнение с журналом</th><th>Работ</th><th>Ожидалось при уровне ОО</th><th>Доля</th><th>Ожидаемая доля</th></tr></thead><tbody>\(body)</tbody></table>"
    }

    /// Mean share of each task's maximum over `rows` (a task not attempted counts as 0).
    static func taskSuccess(_ s: Sitting, rows: Range<Int>) -> [Double] {
        var sums = [Double](repeating: 0, count: s.tasks.count)
        for row in rows {
            for (k, score) in s.works.taskScores(ofWork: row).enumerated() where score > 0 { sums[k] += Double(score) }
        }
        return sums.enumerated().map { k, sum in rows.isEmpty ? 0 : sum / Double(rows.count) / Double(max(1, s.tasks[k].maxScore)) }
    }

    // MARK: Style and script

    static let style = """
    body{font-family:"DejaVu Sans",Arial,sans-serif;margin:0;color:#1d2733;background:#fff;font-size:14px}
    header{background:#24415f;color:#fff;padding:16px 24px}header h1{margin:0 0 6px;font-size:22px}header .note{color:#dbe6f0}
    nav a{color:#fff}main{padding:8px 24px 40px}h2{border-bottom:2px solid #24415f;padding-bottom:4px;margin-top:28px}
    .note{color:#55606d;font-size:13px}.cards{display:flex;flex-wrap:wrap;gap:10px}
    .card{border:1px solid #c8d3df;border-radius:6px;padding:8px 14px;min-width:120px}.card b{display:block;font-size:22px}
    .card span{font-size:12px;color:#55606d}table{border-collapse:collapse;margin:8px 0;font-size:13px}
    th,td{border:1px solid #d5dde6;padding:3px 7px;text-align:left;vertical-align:top}th{background:#eef3f8}
    table.sortable th{cursor:pointer}td.num{text-align:right;white-space:nowrap}tr.high td:first-child{border-left:4px solid #b3261e}
    tr.medium td:first-child{border-left:4px solid #e08a00}tr.fired td{background:#fdebd3}
    .sitting{margin:18px 0;padding-top:6px;border-top:1px solid #d5dde6}.unit{margin:12px 0 20px;padding:8px 12px;border-left:4px solid #e08a00;background:#fbfcfd}
    .unit.high{border-left-color:#b3261e}.unit h5{font-size:14px;margin:4px 0}.charts{display:flex;flex-wrap:wrap;gap:12px}
    svg.chart{background:#fff;border:1px solid #e3e8ee;max-width:100%;height:auto}svg .axis{stroke:#888}svg .bar{fill:#7da7cf}
    svg .expected{fill:none;stroke:#1d2733;stroke-width:1.6}svg .cut{stroke:#b3261e;stroke-dasharray:4 3;stroke-width:1.2}
    svg .cutlabel{font-size:10px;fill:#b3261e}svg .tick{font-size:10px;fill:#55606d;text-anchor:middle}
    svg .region{fill:#c7d6e6}svg .unit{fill:#24415f}svg .unit.advanced{fill:#e08a00}
    svg polyline.series{fill:none;stroke-width:2}svg .legend{font-size:11px}
    .s0{stroke:#24415f;fill:#24415f}.s1{stroke:#e08a00;fill:#e08a00}.s2{stroke:#2e7d32;fill:#2e7d32}.s3{stroke:#b3261e;fill:#b3261e}
    .s4{stroke:#6a1b9a;fill:#6a1b9a}.s5{stroke:#00838f;fill:#00838f}.s6{stroke:#795548;fill:#795548}.s7{stroke:#607d8b;fill:#607d8b}
    svg polyline.series.s0,svg polyline.series.s1,svg polyline.series.s2,svg polyline.series.s3,svg polyline.series.s4,svg polyline.series.s5,svg polyline.series.s6,svg polyline.series.s7{fill:none}
    svg text.legend{stroke:none}
    @media print{header{background:#fff;color:#000}nav{display:none}.unit{break-inside:avoid}}
    """

    static let script = """
    document.querySelectorAll('table.sortable').forEach(function(table){
      table.querySelectorAll('th').forEach(function(th,i){
        th.addEventListener('click',function(){
          var body=table.tBodies[0],rows=Array.from(body.rows),asc=th.dataset.dir!=='asc';
          table.querySelectorAll('th').forEach(function(o){delete o.dataset.dir});th.dataset.dir=asc?'asc':'desc';
          function v(r){var c=r.cells[i];if(!c)return '';var s=c.dataset.sort!==undefined?c.dataset.sort:c.textContent.replace(/\\s|%/g,'').replace(',','.');var n=parseFloat(s);return isNaN(n)||!/^[-\\d.eE+]+$/.test(s)?c.textContent:n;}
          rows.sort(function(a,b){var x=v(a),y=v(b);var c=(typeof x==='number'&&typeof y==='number')?x-y:String(x).localeCompare(String(y),'ru');return asc?c:-c;});
          rows.forEach(function(r){body.appendChild(r)});
        });
      });
    });
    """
}
