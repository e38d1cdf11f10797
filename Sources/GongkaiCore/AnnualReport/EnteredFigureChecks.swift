/// Checks on staff-entered figures: every entered cell is filled, and every figure belongs to a cell of this year's tables.
enum EnteredFigureChecks {
    static func run(_ tables: ReportTables, figures: [EnteredFigure]) -> [ReportCheck] {
        let entered = tables.all.flatMap(\.cells).filter { $0.source == .entered }
        let missing = entered.filter { $0.value == nil }.map(\.id)
        let known = Set(entered.map(\.id))
        let stray = figures.map(\.cellID).filter { !known.contains($0) }
        return [
            .make("人工填报数据已填写", rule: "无记录可计算的单元格须由工作人员填报", failing: missing,
                  failure: "尚未填报：" + missing.joined(separator: "、")),
            .make("人工填报数据对应本年度表格", rule: "填报的数据须对应本年度报告格式中的单元格", failing: stray,
                  failure: "本年度格式中没有这些单元格：" + stray.joined(separator: "、")),
        ]
    }
}
