/// Inline SVG charts drawn by our code: no script, no external file, so the report opens
/// offline in any browser and prints as it looks.
enum SVGChart {
    /// A score histogram: bars for `observed`, an optional line for `expected` (same bins),
    /// dashed vertical lines at `cuts` labelled with their marks.
    /// - Parameters: counts per primary score 0…n−1; `cuts` as (mark, score).
    static func histogram(observed: [Double], expected: [Double]?, cuts: [(mark: Int, score: Int)], title: String,
                          width: Double = 560, height: Double = 200) -> String {
        let left = 40.0, bottom = 24.0, top = 18.0, right = 8.0
        let plotW = width - left - right, plotH = height - top - bottom
        let top_ = max(1, (observed + (expected ?? [])).max() ?? 1)
        let bins = max(1, observed.count)
        let barW = plotW / Double(bins)
        func x(_ bin: Double) -> Double { left + bin * barW }
        func y(_ value: Double) -> Double { top + plotH * (1 - value / top_) }
        var svg = "<svg class=\"chart\" viewBox=\"0 0 \(f(width)) \(f(height))\" width=\"\(f(width))\" height=\"\(f(height))\" role=\"img\" aria-label=\"\(HTMLText.escape(title))\">"
        svg += "<title>\(HTMLText.escape(title))</title>"
        svg += "<line x1=\"\(f(left))\" y1=\"\(f(top + plotH))\" x2=\"\(f(left + plotW))\" y2=\"\(f(top + plotH))\" class=\"axis\"/>"
        for (bin, value) in observed.enumerated() where value > 0 {
            svg += "<rect class=\"bar\" x=\"\(f(x(Double(bin)) + 0.5))\" y=\"\(f(y(value)))\" width=\"\(f(max(0.5, barW - 1)))\" height=\"\(f(top + plotH - y(value)))\"><title>\(bin) б.: \(HTMLText.number(value, decimals: 0))</title></rect>"
        }
        if let expected {
            let points = expected.enumerated().map { "\(f(x(Double($0.offset) + 0.5))),\(f(y($0.element)))" }.joined(separator: " ")
            svg += "<polyline class=\"expected\" points=\"\(points)\"/>"
        }
        for cut in cuts {
            let cx = x(Double(cut.score))
            svg += "<line class=\"cut\" x1=\"\(f(cx))\" y1=\"\(f(top - 6))\" x2=\"\(f(cx))\" y2=\"\(f(top + plotH))\"/>"
            svg += "<text class=\"cutlabel\" x=\"\(f(cx + 2))\" y=\"\(f(top - 8 + 10))\">«\(cut.mark)» \(cut.score)</text>"
        }
        let step = max(1, bins / 10)
        for bin in stride(from: 0, to: bins, by: step) {
            svg += "<text class=\"tick\" x=\"\(f(x(Double(bin) + 0.5)))\" y=\"\(f(height - 8))\">\(bin)</text>"
        }
        svg += "<text class=\"tick\" x=\"\(f(left - 4))\" y=\"\(f(top + 8))\" text-anchor=\"end\">\(HTMLText.number(top_, decimals: 0))</text>"
        return svg + "</svg>"
    }

    /// Paired bars per task: the unit's success share against the region's (0…1).
    static func profile(labels: [String], unit: [Double], region: [Double], advanced: [Bool], title: String,
                        width: Double = 560, height: Double = 170) -> String {
        let left = 30.0, bottom = 30.0, top = 10.0
        let plotW = width - left - 8, plotH = height - top - bottom
        let n = max(1, labels.count)
        let slot = plotW / Double(n)
        func y(_ v: Double) -> Double { top + plotH * (1 - min(1, max(0, v))) }
        var svg = "<svg class=\"chart\" viewBox=\"0 0 \(f(width)) \(f(height))\" width=\"\(f(width))\" height=\"\(f(height))\" role=\"img\" aria-label=\"\(HTMLText.escape(title))\">"
        svg += "<title>\(HTMLText.escape(title))</title>"
        svg += "<line class=\"axis\" x1=\"\(f(left))\" y1=\"\(f(top + plotH))\" x2=\"\(f(left + plotW))\" y2=\"\(f(top + plotH))\"/>"
        for k in 0..<labels.count {
            let x0 = left + Double(k) * slot
            let w = max(1, slot / 2 - 1)
            svg += "<rect class=\"region\" x=\"\(f(x0))\" y=\"\(f(y(region[k])))\" width=\"\(f(w))\" height=\"\(f(top + plotH - y(region[k])))\"><title>Задание \(HTMLText.escape(labels[k])), регион: \(HTMLText.number(region[k] * 100, decimals: 0)) %</title></rect>"
            svg += "<rect class=\"\(advanced[k] ? "unit advanced" : "unit")\" x=\"\(f(x0 + w))\" y=\"\(f(y(unit[k])))\" width=\"\(f(w))\" height=\"\(f(top + plotH - y(unit[k])))\"><title>Задание \(HTMLText.escape(labels[k])), ОО: \(HTMLText.number(unit[k] * 100, decimals: 0)) %</title></rect>"
            svg += "<text class=\"tick\" x=\"\(f(x0 + slot / 2))\" y=\"\(f(height - 16))\">\(HTMLText.escape(labels[k]))</text>"
        }
        svg += "<text class=\"tick\" x=\"\(f(left - 4))\" y=\"\(f(top + 8))\" text-anchor=\"end\">100%</text>"
        return svg + "</svg>"
    }

    /// One line per series over the years, values in 0…1 shown as percentages.
    static func trend(years: [Int], series: [(name: String, values: [Double?])], title: String,
                      width: Double = 560, height: Double = 200) -> String {
        let left = 40.0, bottom = 24.0, top = 12.0, right = 180.0
        let plotW = width - left - right, plotH = height - top - bottom
        let top_ = max(0.05, series.flatMap { $0.values.compactMap { $0 } }.max() ?? 0.05)
        func x(_ i: Int) -> Double { years.count > 1 ? left + plotW * Double(i) / Double(years.count - 1) : left + plotW / 2 }
        func y(_ v: Double) -> Double { top + plotH * (1 - v / top_) }
        var svg = "<svg class=\"chart\" viewBox=\"0 0 \(f(width)) \(f(height))\" width=\"\(f(width))\" height=\"\(f(height))\" role=\"img\" aria-label=\"\(HTMLText.escape(title))\">"
        svg += "<title>\(HTMLText.escape(title))</title>"
        svg += "<line class=\"axis\" x1=\"\(f(left))\" y1=\"\(f(top + plotH))\" x2=\"\(f(left + plotW))\" y2=\"\(f(top + plotH))\"/>"
        for (i, year) in years.enumerated() { svg += "<text class=\"tick\" x=\"\(f(x(i)))\" y=\"\(f(height - 8))\">\(year)</text>" }
        svg += "<text class=\"tick\" x=\"\(f(left - 4))\" y=\"\(f(top + 8))\" text-anchor=\"end\">\(HTMLText.number(top_ * 100, decimals: 0))%</text>"
        for (s, line) in series.enumerated() {
            let points = line.values.enumerated().compactMap { i, v in v.map { "\(f(x(i))),\(f(y($0)))" } }
            svg += "<polyline class=\"series s\(s % 8)\" points=\"\(points.joined(separator: " "))\"/>"
            for (i, v) in line.values.enumerated() {
                if let v { svg += "<circle class=\"series s\(s % 8)\" cx=\"\(f(x(i)))\" cy=\"\(f(y(v)))\" r=\"3\"><title>\(HTMLText.escape(line.name)), \(years[i]): \(HTMLText.number(v * 100))%</title></circle>" }
            }
            svg += "<text class=\"legend s\(s % 8)\" x=\"\(f(left + plotW + 10))\" y=\"\(f(top + 12 + Double(s) * 14))\">\(HTMLText.escape(line.name))</text>"
        }
        return svg + "</svg>"
    }

    /// Coordinates with one decimal: small files, no visible loss.
    private static func f(_ v: Double) -> String {
        let r = (v * 10).rounded() / 10
        return r == r.rounded() ? String(Int(r)) : String(r)
    }
}
