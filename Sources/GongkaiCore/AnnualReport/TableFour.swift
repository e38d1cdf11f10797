/// Table 四、政府信息公开行政复议、行政诉讼情况 (REGULATIONS §2.4; identical in the 2019 and 2021 formats),
/// from the requests' `reviewFiled/reviewDecided/litigationFiled/litigationDecided` events.
/// One row `cases` of 15 cells: `四.cases.<group>.<result>`, group `review`, `directLitigation`, `litigationAfterReview`,
/// result each `AppealResult.rawValue` and `total`.
enum TableFour {
    static let title = "四、政府信息公开行政复议、行政诉讼情况"
    static let groups: [(id: String, labels: [String])] = [
        ("review", ["行政复议"]), ("directLitigation", ["行政诉讼", "未经复议直接起诉"]), ("litigationAfterReview", ["行政诉讼", "复议后起诉"]),
    ]

    static func build(_ input: ReportInput) -> ReportTable {
        var counts: [String: [AppealResult: Int]] = [:]
        for request in input.requests {
            if let review = request.state.review, let result = result(review, year: input.year) {
                counts["review", default: [:]][result, default: 0] += 1
            }
            if let litigation = request.state.litigation, let result = result(litigation, year: input.year) {
                counts[litigation.afterReview ? "litigationAfterReview" : "directLitigation", default: [:]][result, default: 0] += 1
            }
        }
        var columns: [ReportColumn] = []
        var cells: [ReportCell] = []
        for group in groups {
            let values = counts[group.id] ?? [:]
            for result in AppealResult.allCases {
                columns.append(ReportColumn(id: "\(group.id).\(result.rawValue)", label: result.label, groups: group.labels))
                cells.append(.computed("四.cases.\(group.id).\(result.rawValue)", values[result] ?? 0))
            }
            columns.append(ReportColumn(id: "\(group.id).total", label: "总计", groups: group.labels))
            cells.append(.computed("四.cases.\(group.id).total", values.values.reduce(0, +)))
        }
        let section = ReportTableSection(caption: nil, rowHeader: "", columns: columns,
                                         rows: [ReportRow(id: "cases", label: "件数", cells: cells)])
        return ReportTable(title: title, sections: [section])
    }

    /// The column a case counts in for `year`, or nil when it does not count.
    /// **Uncertain**: a case counts in every year from its filing until the year it is decided: decided in the year →
    /// its result; still undecided on 12月31日 → 尚未审结 (so a case pending over New Year is reported again, decided).
    static func result(_ appeal: RequestState.Appeal, year: Int) -> AppealResult? {
        guard appeal.filedOn.year <= year else { return nil }
        guard let decided = appeal.decidedOn else { return .pending }
        if decided.year < year { return nil }
        return decided.year == year ? appeal.result : .pending
    }
}
