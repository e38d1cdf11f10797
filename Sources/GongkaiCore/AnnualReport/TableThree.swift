/// Table 三、收到和处理政府信息公开申请情况 (REGULATIONS §2.3), from `RequestTableCounts`.
/// Cell ids: `三.<row>.<column>`; rows `newlyReceived`, `carriedOver`, each `RequestOutcome.rawValue`
/// (2019: `otherHandling` as one row), `concludedTotal`, `carriedForward`; columns each `ApplicantKind.rawValue` and `total`.
enum TableThree {
    static let title = "三、收到和处理政府信息公开申请情况"
    /// The corner cell, verbatim (国办公开办函〔2021〕30号).
    static let corner = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
    static let resultsGroup = "三、本年度办理结果"
    /// Column ids in order: the six applicant kinds, then 总计.
    static let columnIDs = ApplicantKind.allCases.map(\.rawValue) + ["total"]

    static func build(_ input: ReportInput, format: ReportFormat) -> ReportTable {
        let counts = RequestTableCounts.count(input.requests.map { (kind: $0.kind, state: $0.state) }, year: input.year)
        var rows = [
            row("newlyReceived", "一、本年新收政府信息公开申请数量", [], counts.newlyReceived),
            row("carriedOver", "二、上年结转政府信息公开申请数量", [], counts.carriedOver),
        ]
        rows += outcomeRows(counts, format: format)
        var total: [ApplicantKind: Int] = [:]
        for kind in ApplicantKind.allCases { total[kind] = counts.concluded(kind) }
        rows.append(row("concludedTotal", "（七）总计", [resultsGroup], total))
        rows.append(row("carriedForward", "四、结转下年度继续办理", [], counts.carriedForward))
        return ReportTable(title: title, sections: [ReportTableSection(caption: nil, rowHeader: corner, columns: columns, rows: rows)])
    }

    /// 自然人, 法人或其他组织 (five sub-columns), 总计, under 申请人情况.
    static var columns: [ReportColumn] {
        ApplicantKind.allCases.map { kind in
            ReportColumn(id: kind.rawValue, label: kind.label, groups: kind.isOrganization ? ["申请人情况", kind.groupLabel] : ["申请人情况"])
        } + [ReportColumn(id: "total", label: ApplicantKind.totalLabel, groups: ["申请人情况"])]
    }

    /// （一）–（六）: one row per outcome; the 2019 trial format has （六）其他处理 as one row without sub-items.
    /// **Uncertain**: in the trial format all three 其他处理 reasons are summed into that one row.
    static func outcomeRows(_ counts: RequestTableCounts, format: ReportFormat) -> [ReportRow] {
        var rows: [ReportRow] = []
        var otherHandling: [ApplicantKind: Int] = [:]
        for outcome in RequestOutcome.allCases {
            let values = counts.outcomes[outcome] ?? [:]
            if case .otherHandling = outcome, format == .trial2019 {
                otherHandling.merge(values, uniquingKeysWith: +)
                continue
            }
            if let item = outcome.itemRowLabel {
                rows.append(row(outcome.rawValue, item, [resultsGroup, outcome.groupRowLabel], values))
            } else {
                rows.append(row(outcome.rawValue, outcome.groupRowLabel, [resultsGroup], values))
            }
        }
        if format == .trial2019 { rows.append(row("otherHandling", "（六）其他处理", [resultsGroup], otherHandling)) }
        return rows
    }

    /// A row of seven computed cells: the six columns and their 总计.
    static func row(_ id: String, _ label: String, _ groups: [String], _ values: [ApplicantKind: Int]) -> ReportRow {
        let cells = ApplicantKind.allCases.map { ReportCell.computed("三.\(id).\($0.rawValue)", values[$0] ?? 0) }
            + [ReportCell.computed("三.\(id).total", RequestTableCounts.cell(values, nil))]
        return ReportRow(id: id, label: label, groups: groups, cells: cells)
    }
}
