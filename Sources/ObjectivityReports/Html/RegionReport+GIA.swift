public import ObjectivityCore

extension RegionReport {
    /// One school's (or municipality's) participants at the minimum in one exam, subject and year.
    private struct AtMinimum {
        var above = 0
        var participants = 0
        var expected = 0.0

        var share: Double { participants > 0 ? Double(above) / Double(participants) : 0 }
        var cell: String {
            participants > 0 ? "\(HTMLText.number(share * 100)) % (\(above) из \(participants))" : "—"
        }
    }

    /// The ГИА section (seed 003 §8.2): participants at the minimum passing score over the
    /// years, for the region, per municipality and per school with signs, then each ГИА
    /// sitting's own section (`sittingSections`, in the order of `analyses`).
    func giaSection(_ analyses: [SittingAnalysis], sittingSections: [String]) -> String {
        let years = Set(analyses.map(\.sitting.key.year)).sorted()
        let series = Set(analyses.map { Self.seriesName($0.sitting.key) }).sorted()
        // (series, year) → per municipality and per school.
        var byMunicipality: [String: [String: [Int: AtMinimum]]] = [:]
        var bySchool: [String: [String: [Int: AtMinimum]]] = [:]
        var region: [String: [Int: AtMinimum]] = [:]
        var schoolRisk: [String: [String: (level: RiskLevel, score: Double, unit: UnitResult?)]] = [:]
        var signs: [String: [String: Set<String>]] = [:]
        var trend: [String: [String: IndicatorResult]] = [:]
        for analysis in analyses {
            let name = Self.seriesName(analysis.sitting.key), year = analysis.sitting.key.year
            for unit in analysis.units {
                guard let share = unit.indicators.first(where: { $0.code == "gia_minimum_share" }) else { continue }
                let cell = AtMinimum(above: Int(share.test.statistic), participants: unit.works,
                                     expected: (share.detail["expected_share"] ?? 0) * Double(unit.works))
                let municipality = self.municipality(of: unit.school, in: analysis.sitting)
                func add(_ entry: inout AtMinimum?) {
                    var e = entry ?? AtMinimum()
                    e.above += cell.above
                    e.participants += cell.participants
                    e.expected += cell.expected
                    entry = e
                }
                add(&byMunicipality[municipality, default: [:]][name, default: [:]][year])
                add(&region[name, default: [:]][year])
                bySchool[unit.school, default: [:]][name, default: [:]][year] = cell
                let previous = schoolRisk[unit.school]?[name]
                if previous == nil || unit.riskScore > previous!.score {
                    schoolRisk[unit.school, default: [:]][name] = (unit.riskLevel, unit.riskScore, unit.riskLevel >= .medium ? unit : nil)
                }
                signs[unit.school, default: [:]][name, default: []].formUnion(unit.indicators.filter(\.fired).map(\.family))
                if year == years.last, let t = unit.indicators.first(where: { $0.code == "gia_minimum_trend" }) {
                    trend[unit.school, default: [:]][name] = t
                }
            }
        }
        var out = "<section id=\"gia\"><h2>ГИА: участники у минимального балла</h2>"
        out += "<p class=\"note\">Минимальный балл — наименьший первичный балл, с которым экзамен сдан (ОГЭ и ГВЭ — граница «3», "
            + "с дополнительным условием там, где оно есть; ЕГЭ — первичный балл, дающий минимальный тестовый). «У минимума» — "
            + "минимальный балл и следующий за ним. ГИА проверяется централизованно: пик ровно на границе указывает на проверку "
            + "развёрнутых ответов региональной комиссией, рост доли у минимума без пика — скорее на проведение экзамена.</p>"
        out += SVGChart.trend(years: years, series: series.map { name in (name, years.map { region[name]?[$0].map(\.share) }) },
                              title: "Доля участников у минимального балла по региону")
        let header = "<tr><th>%@</th>" + series.map { name in years.map { "<th>\(HTMLText.escape(name)), \($0)</th>" }.joined() }.joined()
        out += "<h3>По муниципалитетам</h3><table class=\"sortable\"><thead>"
            + header.replacingOccurrences(of: "%@", with: "Муниципалитет") + "</tr></thead><tbody>"
        out += "<tr><td><b>Регион</b></td>" + series.map { name in years.map { "<td class=\"num\">\(region[name]?[$0]?.cell ?? "—")</td>" }.joined() }.joined() + "</tr>"
        for municipality in byMunicipality.keys.sorted() {
            let cells = series.map { name in
                years.map { year in
                    let entry = byMunicipality[municipality]?[name]?[year]
                    return "<td class=\"num\" data-sort=\"\(entry?.share ?? -1)\">\(entry?.cell ?? "—")</td>"
                }.joined()
            }.joined()
            out += "<tr><td>\(HTMLText.escape(municipality.isEmpty ? "не указан" : municipality))</td>\(cells)</tr>"
        }
        out += "</tbody></table>"
        // Schools with any sign at the minimum or any risk in a ГИА unit; every school is in units.jsonl.
        var rows: [(score: Double, school: String, series: String, html: String)] = []
        for (school, bySeries) in bySchool {
            for name in series {
                guard let risk = schoolRisk[school]?[name], let cells = bySeries[name] else { continue }
                let fired = signs[school]?[name] ?? []
                guard risk.level >= .low || !fired.isEmpty else { continue }
                let yearCells = years.map { year -> String in
                    guard let c = cells[year] else { return "<td class=\"num\">—</td>" }
                    let expected = c.participants > 0 ? c.expected / Double(c.participants) : 0
                    return "<td class=\"num\" data-sort=\"\(c.share)\">\(c.cell)<br><span class=\"note\">ожид. \(HTMLText.number(expected * 100)) %</span></td>"
                }.joined()
                var change = "—"
                if let t = trend[school]?[name] {
                    change = "\(HTMLText.number(t.test.estimate * 100)) ± \(HTMLText.number((t.detail["change_se"] ?? 0) * 100)) п.п."
                        + (t.fired ? " (значимо)" : "")
                }
                let label = risk.unit.map { "<a href=\"#\(anchor($0))\">\(HTMLText.escape(school))</a>" } ?? HTMLText.escape(school)
                let level = ConfirmationReport.russianLevel(risk.level.rawValue)
                rows.append((risk.score, school, name, "<tr class=\"\(risk.level.rawValue)\"><td>\(label)</td><td>\(HTMLText.escape(schoolNames[school] ?? ""))</td>"
                    + "<td>\(HTMLText.escape(municipalities[school] ?? ""))</td><td>\(HTMLText.escape(name))</td>\(yearCells)"
                    + "<td class=\"num\">\(change)</td><td data-sort=\"\(levelRank(risk.level))\">\(level)</td>"
                    + "<td>\(HTMLText.escape(fired.sorted().map(SignNames.russian).joined(separator: "; ")))</td></tr>"))
            }
        }
        out += "<h3>ОО с признаками у минимального балла (\(rows.count))</h3>"
        out += "<p class=\"note\">Доля участников ОО у минимального балла по годам и ожидаемая при уровне ОО; изменение — прирост избытка "
            + "по сравнению с прошлым годом (± ст. ошибка). Все ОО — в units.jsonl.</p>"
        out += "<table class=\"sortable\"><thead><tr><th>ОО</th><th>Наименование</th><th>Муниципалитет</th><th>Экзамен</th>"
            + years.map { "<th>\($0)</th>" }.joined() + "<th>Изменение за год</th><th>Риск</th><th>Признаки</th></tr></thead><tbody>"
        for row in rows.sorted(by: { ($0.score, $1.school, $1.series) > ($1.score, $0.school, $0.series) }) { out += row.html }
        if rows.isEmpty { out += "<tr><td colspan=\"\(7 + years.count)\">ОО с признаками нет.</td></tr>" }
        out += "</tbody></table><h3>Сессии ГИА</h3>"
        for section in sittingSections { out += section }
        return out + "</section>"
    }
}
