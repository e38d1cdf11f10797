@testable import GongkaiWeb
import Testing

/// The server-drawn SVG charts: accessible names, escaping, one bar segment per non-zero value, scales.
@Suite struct BarChartSVGTests {
    static let series = [BarChartSVG.Series(name: "按时", colour: "#2e7d32"), BarChartSVG.Series(name: "逾期发布", colour: "#b45309"),
                         BarChartSVG.Series(name: "未发布", colour: "#a8071a")]

    static func count(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

    @Test func stackedVerticalChartIsAnImageNamedByItsTitleAndDescription() {
        let svg = BarChartSVG(id: "trend", title: "近12个月", description: "每月到期的公开义务",
                              series: Self.series,
                              categories: [.init(label: "2026-01", values: [3, 1, 2]), .init(label: "2026-02", values: [0, 0, 0]),
                                           .init(label: "2026-03", values: [5, 0, 1])]).render()
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(svg.contains("role=\"img\""))
        #expect(svg.contains("aria-labelledby=\"trend-title trend-desc\""))
        #expect(svg.contains("<title id=\"trend-title\">近12个月</title><desc id=\"trend-desc\">每月到期的公开义务</desc>"))
        // Legend swatches (3) and one segment per non-zero value (3 + 0 + 2).
        #expect(Self.count("<rect", in: svg) == 3 + 5)
        #expect(svg.contains("<title>2026-01 逾期发布：1</title>"))
        #expect(svg.contains(">2026-02</text>"))
        #expect(!svg.contains("script"))
        #expect(svg.hasSuffix("</svg>"))
    }

    @Test func everyTextIsEscaped() {
        let svg = BarChartSVG(id: "x", title: "<script>alert(1)</script>", description: "a & b \"c\"",
                              series: [BarChartSVG.Series(name: "<b>系列</b>", colour: "#1d4ed8")],
                              categories: [.init(label: "科室<img src=x onerror=alert(1)>", values: [2])], orientation: .horizontal).render()
        #expect(!svg.contains("<script>"))
        #expect(!svg.contains("<img"))
        #expect(!svg.contains("<b>"))
        #expect(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(svg.contains("a &amp; b &quot;c&quot;"))
    }

    @Test func horizontalBarsGrowWithTheirValues() {
        let svg = BarChartSVG(id: "d", title: "各科室", description: "", series: [BarChartSVG.Series(name: "待处理", colour: "#1d4ed8")],
                              categories: [.init(label: "综合科", values: [10]), .init(label: "办公室", values: [5]), .init(label: "基金监管科", values: [0])],
                              orientation: .horizontal).render()
        // One series: no legend, so exactly the two non-zero bars.
        #expect(Self.count("<rect", in: svg) == 2)
        let widths = svg.components(separatedBy: "<rect").dropFirst().compactMap { rect in
            rect.components(separatedBy: " width=\"").dropFirst().first.flatMap { Int($0.prefix { $0.isNumber }) }
        }
        #expect(widths.count == 2 && widths[0] == 2 * widths[1])
        #expect(svg.contains(">基金监管科</text>"))
        #expect(svg.contains(">0</text>"))
    }

    @Test func longLabelsAreShortenedButKeptInTheTooltip() {
        let label = "淄博市医疗保障局沂源分局 · 基金监管科"
        let svg = BarChartSVG(id: "d", title: "t", description: "", series: [BarChartSVG.Series(name: "待处理", colour: "#1d4ed8")],
                              categories: [.init(label: label, values: [1])], orientation: .horizontal).render()
        #expect(svg.contains(">淄博市医疗…分局 · 基金监管科</text>"))
        #expect(BarChartSVG.shortened("综合科") == "综合科")
        #expect(svg.contains("<title>\(label) 待处理：1</title>"))
    }

    @Test(arguments: [(1, 1), (4, 1), (5, 2), (8, 2), (9, 5), (20, 5), (21, 10), (199, 50), (201, 100)])
    func ticksAreRoundNumbers(maximum: Int, step: Int) {
        #expect(BarChartSVG.tickStep(maximum) == step)
    }

    @Test func anEmptyChartStillDrawsItsAxis() {
        let chart = BarChartSVG(id: "e", title: "空", description: "无数据", series: Self.series, categories: [])
        #expect(chart.scaleMaximum == 1)
        #expect(chart.render().contains("<line"))
    }
}
