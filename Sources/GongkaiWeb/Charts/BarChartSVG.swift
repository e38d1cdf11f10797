import GongkaiCore

/// A stacked bar chart as inline SVG, drawn on the server: no JavaScript, `role="img"` named by its `<title>` and
/// described by its `<desc>`, every text escaped. Pages put the same numbers in a table next to it.
struct BarChartSVG: Sendable {
    struct Series: Sendable {
        var name: String
        /// A fill with at least 3:1 contrast against white (WCAG 1.4.11).
        var colour: String
    }

    struct Category: Sendable {
        var label: String
        /// One value per series.
        var values: [Int]
        var total: Int { values.reduce(0, +) }
    }

    enum Orientation: Sendable { case vertical, horizontal }

    /// Prefix of the element ids (`<id>-title`, `<id>-desc`), unique on the page.
    var id: String
    var title: String
    var description: String
    var series: [Series]
    var categories: [Category]
    var orientation: Orientation = .vertical

    static let width = 720
    static let ink = "#1a1a1a"
    static let grid = "#767676"

    func render() -> String {
        let (height, body) = orientation == .vertical ? vertical() : horizontal()
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 \(Self.width) \(height)\" "
        svg += "width=\"\(Self.width)\" height=\"\(height)\" aria-labelledby=\"\(id)-title \(id)-desc\" font-size=\"13\" "
        svg += "font-family=\"Noto Sans CJK SC, PingFang SC, Microsoft YaHei, sans-serif\">"
        svg += "<title id=\"\(id)-title\">\(title.escapingHTML)</title><desc id=\"\(id)-desc\">\(description.escapingHTML)</desc>"
        return svg + legend() + body + "</svg>"
    }

    /// The largest total, rounded up to a tick step; at least 1.
    var scaleMaximum: Int {
        let largest = max(1, categories.map(\.total).max() ?? 0)
        let step = Self.tickStep(largest)
        return (largest + step - 1) / step * step
    }

    /// 1, 2, 5, 10, 20, 50 … so that about four ticks cover `maximum`.
    static func tickStep(_ maximum: Int) -> Int {
        var step = 1
        while true {
            for factor in [1, 2, 5] where maximum <= step * factor * 4 { return step * factor }
            step *= 10
        }
    }

    /// Labels beyond 16 characters keep both ends ("淄博市医疗…· 基金监管科"): the agency and the department.
    static func shortened(_ label: String) -> String {
        label.count > 16 ? String(label.prefix(5)) + "…" + String(label.suffix(10)) : label
    }

    private func legend() -> String {
        guard series.count > 1 else { return "" }
        var x = 10, svg = "<g class=\"legend\">"
        for entry in series {
            svg += "<rect x=\"\(x)\" y=\"8\" width=\"14\" height=\"14\" fill=\"\(entry.colour)\"/>"
            svg += "<text x=\"\(x + 20)\" y=\"20\" fill=\"\(Self.ink)\">\(entry.name.escapingHTML)</text>"
            x += 34 + entry.name.count * 14
        }
        return svg + "</g>"
    }

    private func vertical() -> (Int, String) {
        let top = series.count > 1 ? 40 : 16, bottom = 36, left = 44, right = 10, plotHeight = 220
        let height = top + plotHeight + bottom
        let plotWidth = Self.width - left - right
        let maximum = scaleMaximum, step = Self.tickStep(maximum)
        func y(_ value: Int) -> Int { top + plotHeight - value * plotHeight / maximum }
        var svg = "<g class=\"axis\">"
        for tick in stride(from: 0, through: maximum, by: step) {
            svg += "<line x1=\"\(left)\" x2=\"\(Self.width - right)\" y1=\"\(y(tick))\" y2=\"\(y(tick))\" stroke=\"\(Self.grid)\" stroke-width=\"\(tick == 0 ? 1.5 : 0.5)\"/>"
            svg += "<text x=\"\(left - 6)\" y=\"\(y(tick) + 4)\" text-anchor=\"end\" fill=\"\(Self.ink)\">\(tick)</text>"
        }
        svg += "</g>"
        guard !categories.isEmpty else { return (height, svg) }
        let slot = plotWidth / categories.count, barWidth = max(4, slot * 3 / 5)
        for (index, category) in categories.enumerated() {
            let x = left + index * slot + (slot - barWidth) / 2
            var base = 0
            svg += "<g>"
            for (value, entry) in zip(category.values, series) where value > 0 {
                svg += "<rect x=\"\(x)\" y=\"\(y(base + value))\" width=\"\(barWidth)\" height=\"\(y(base) - y(base + value))\" "
                svg += "fill=\"\(entry.colour)\" stroke=\"#fff\" stroke-width=\"1\"><title>\("\(category.label) \(entry.name)：\(value)".escapingHTML)</title></rect>"
                base += value
            }
            if category.total > 0 {
                svg += "<text x=\"\(x + barWidth / 2)\" y=\"\(y(category.total) - 4)\" text-anchor=\"middle\" fill=\"\(Self.ink)\">\(category.total)</text>"
            }
            svg += "<text x=\"\(x + barWidth / 2)\" y=\"\(top + plotHeight + 20)\" text-anchor=\"middle\" fill=\"\(Self.ink)\">\(category.label.escapingHTML)</text></g>"
        }
        return (height, svg)
    }

    private func horizontal() -> (Int, String) {
        let top = series.count > 1 ? 36 : 8, row = 28, labelWidth = 240, right = 50
        let height = top + max(1, categories.count) * row + 8
        let plotWidth = Self.width - labelWidth - right
        let maximum = scaleMaximum
        func w(_ value: Int) -> Int { value * plotWidth / maximum }
        var svg = "<line x1=\"\(labelWidth)\" x2=\"\(labelWidth)\" y1=\"\(top)\" y2=\"\(height - 8)\" stroke=\"\(Self.grid)\" stroke-width=\"1.5\"/>"
        for (index, category) in categories.enumerated() {
            let y = top + index * row
            let label = Self.shortened(category.label)
            svg += "<g><text x=\"\(labelWidth - 8)\" y=\"\(y + 18)\" text-anchor=\"end\" fill=\"\(Self.ink)\">\(label.escapingHTML)</text>"
            var base = 0
            for (value, entry) in zip(category.values, series) where value > 0 {
                svg += "<rect x=\"\(labelWidth + w(base))\" y=\"\(y + 4)\" width=\"\(max(1, w(base + value) - w(base)))\" height=\"\(row - 8)\" "
                svg += "fill=\"\(entry.colour)\" stroke=\"#fff\" stroke-width=\"1\"><title>\("\(category.label) \(entry.name)：\(value)".escapingHTML)</title></rect>"
                base += value
            }
            svg += "<text x=\"\(labelWidth + w(category.total) + 6)\" y=\"\(y + 18)\" fill=\"\(Self.ink)\">\(category.total)</text></g>"
        }
        return (height, svg)
    }
}
