import GongkaiCore
import GongkaiInterchange

extension ComplianceDashboard {
    static let findingsHeader: [XLSXWorkbook.Cell] = ["序号", "问题类型", "机关", "公开事项", "事项编号", "责任科室", "信息标题", "信息编号",
                                                      "应公开日期", "发布日期", "工作日", "依据", "说明"]

    /// The dashboard as a workbook: the findings (of `kind`, or all), then the verdicts and the per-department counts.
    func workbook(kind: Finding.Kind?) -> XLSXWorkbook {
        let shown = kind.map { kind in report.findings.filter { $0.kind == kind } } ?? report.findings
        var findings: [[XLSXWorkbook.Cell]] = [Self.findingsHeader]
        for (index, finding) in shown.enumerated() {
            findings.append([
                .number(index + 1), .text(finding.kind.label),
                .text(findingAgency(finding)),
                .text(finding.itemID.map(itemName) ?? reportLink(finding)?.label ?? ""), finding.itemID.map(XLSXWorkbook.Cell.number) ?? "",
                .text(departmentNames(itemID: finding.itemID).joined(separator: "、")),
                .text(finding.recordID.map(recordTitle) ?? ""), finding.recordID.map(XLSXWorkbook.Cell.number) ?? "",
                .text(finding.due?.description ?? ""), .text(finding.published?.description ?? ""),
                finding.workdays.map(XLSXWorkbook.Cell.number) ?? "", .text(finding.rule), .text(finding.explanation),
            ])
        }
        return XLSXWorkbook(sheets: [
            XLSXWorkbook.Sheet(name: "问题清单", rows: findings, columnWidths: [6, 14, 24, 24, 9, 16, 30, 9, 12, 12, 7, 40, 80]),
            XLSXWorkbook.Sheet(name: "检查结论", rows: verdictRows(), columnWidths: [28, 24, 60, 10, 10, 10, 40]),
        ])
    }

    /// The verdict of each agency, condition by condition, and below it the findings of each department by kind.
    func verdictRows() -> [[XLSXWorkbook.Cell]] {
        var rows: [[XLSXWorkbook.Cell]] = [["检查日期", .text(report.at.description)],
                                           ["统计区间", .text("\(report.windowStart)至\(report.windowEnd)")], [],
                                           ["机关", "结论", "单项否决条件", "数量", "否决线", "是否触发", "涉及事项编号"]]
        for verdict in report.verdicts {
            let conclusion = verdict.passed ? "未触及单项否决" : "触及单项否决"
            for condition in verdict.conditions {
                rows.append([.text(agencyName(verdict.agencyID)), .text(conclusion), .text(condition.explanation), .number(condition.count),
                             .number(condition.threshold), .text(condition.met ? "是" : "否"),
                             .text(condition.itemIDs.map(String.init).joined(separator: "、"))])
            }
        }
        let kinds = kindCounts().map(\.kind)
        rows += [[], ["科室"] + kinds.map { .text($0.label) } + ["合计", "待处理"]]
        for row in departmentCounts() {
            rows.append([.text(row.label)] + kinds.map { .number(row.counts[$0] ?? 0) } + [.number(row.total), .number(row.open)])
        }
        return rows
    }
}
