import Foundation

/// The arithmetic checks run on the computed tables (条例 第五十条; the corner rule of 国办公开办函〔2021〕30号 table 三).
/// They read the grid, not the requests, so a figure changed after computing is caught too.
enum ReportChecks {
    static func run(_ tables: ReportTables, input: ReportInput) -> [ReportCheck] {
        let three = tables.three
        var checks = TableThree.columnIDs.map { cornerRule(three, column: $0) }
        if let previous = input.previousReport { checks.append(carryOver(three, previous: previous)) }
        checks.append(rowTotals(three))
        checks.append(resultTotals(three))
        checks.append(appealTotals(tables.four))
        checks += EnteredFigureChecks.run(tables, figures: input.enteredFigures)
        return checks
    }

    /// 一 + 二 = （七）总计 + 四 in one applicant column (the corner cell of table 三).
    static func cornerRule(_ three: ReportTable, column: String) -> ReportCheck {
        let ids = ["newlyReceived", "carriedOver", "concludedTotal", "carriedForward"].map { "三.\($0).\(column)" }
        let v = ids.map { value(three, $0) }
        let label = columnLabel(three, column)
        return .make("表三勾稽关系（\(label)）", rule: "本年新收＋上年结转＝本年度办理结果总计＋结转下年度",
                     failing: v[0] + v[1] == v[2] + v[3] ? [] : ids,
                     failure: "\(label)列：\(v[0])＋\(v[1])＝\(v[0] + v[1])，而\(v[2])＋\(v[3])＝\(v[2] + v[3])")
    }

    /// 二、上年结转 equals last year's 四、结转下年度继续办理, column by column.
    static func carryOver(_ three: ReportTable, previous: AnnualReport) -> ReportCheck {
        var failing: [String] = [], details: [String] = []
        for column in TableThree.columnIDs {
            let now = value(three, "三.carriedOver.\(column)")
            let before = previous.tables.three.cell("三.carriedForward.\(column)")?.value ?? 0
            if now != before {
                failing.append("三.carriedOver.\(column)")
                details.append("\(columnLabel(three, column))列本年上年结转\(now)件，\(previous.year)年度报告结转下年度\(before)件")
            }
        }
        return .make("上年结转与上年度报告一致", rule: "本年上年结转＝\(previous.year)年度报告的结转下年度继续办理",
                     failing: failing, failure: details.joined(separator: "；"))
    }

    /// The 总计 column of table 三 equals the sum of the six applicant columns, row by row.
    static func rowTotals(_ three: ReportTable) -> ReportCheck {
        let rows = three.sections.flatMap(\.rows)
        let bad = rows.filter { row in
            let parts = row.cells.filter { !$0.id.hasSuffix(".total") }.reduce(Decimal(0)) { $0 + ($1.value ?? 0) }
            return row.cells.first { $0.id.hasSuffix(".total") }?.value != parts
        }
        return .make("表三总计列等于各申请人列之和", rule: "每一行的总计＝自然人与法人或其他组织各列之和",
                     failing: bad.map { "三.\($0.id).total" }, failure: "不符的行：" + bad.map(\.label).joined(separator: "、"))
    }

    /// （七）总计 equals the sum of the result rows （一）–（六）, column by column.
    static func resultTotals(_ three: ReportTable) -> ReportCheck {
        let rows = three.sections.flatMap(\.rows).filter { $0.groups.first == TableThree.resultsGroup && $0.id != "concludedTotal" }
        let failing = TableThree.columnIDs.filter { column in
            rows.reduce(Decimal(0)) { $0 + value(three, "三.\($1.id).\(column)") } != value(three, "三.concludedTotal.\(column)")
        }
        return .make("表三办理结果总计等于各项之和", rule: "（七）总计＝（一）至（六）各项之和",
                     failing: failing.map { "三.concludedTotal.\($0)" },
                     failure: "不符的列：" + failing.map { columnLabel(three, $0) }.joined(separator: "、"))
    }

    /// Each 总计 of table 四 equals its 结果维持 + 结果纠正 + 其他结果 + 尚未审结.
    static func appealTotals(_ four: ReportTable) -> ReportCheck {
        let failing = TableFour.groups.map(\.id).filter { group in
            AppealResult.allCases.reduce(Decimal(0)) { $0 + value(four, "四.cases.\(group).\($1.rawValue)") }
                != value(four, "四.cases.\(group).total")
        }
        return .make("表四总计等于各结果之和", rule: "行政复议、行政诉讼各组的总计＝结果维持＋结果纠正＋其他结果＋尚未审结",
                     failing: failing.map { "四.cases.\($0).total" },
                     failure: "不符的组：" + failing.map { id in TableFour.groups.first { $0.id == id }!.labels.joined() }.joined(separator: "、"))
    }

    static func value(_ table: ReportTable, _ id: String) -> Decimal { table.cell(id)?.value ?? 0 }

    static func columnLabel(_ table: ReportTable, _ id: String) -> String {
        table.sections.first?.columns.first { $0.id == id }?.label ?? id
    }
}
