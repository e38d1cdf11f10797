import Foundation

/// What the narrative draft reads: the computed cells, last year's cells, and the compliance numbers.
struct DraftFacts {
    let tables: ReportTables
    let input: ReportInput
    var year: Int { input.year }
    var agency: String { input.agencyName }
    var format: ReportFormat { ReportFormat.forYear(input.year) }
    var previous: AnnualReport? { input.previousReport }
    var compliance: ComplianceFacts { input.compliance }

    /// A cell as a whole number (0 when absent or not entered).
    func int(_ id: String) -> Int { Self.int(tables.cell(id)?.value) }

    static func int(_ value: Decimal?) -> Int { value.map { NSDecimalNumber(decimal: $0).intValue } ?? 0 }

    /// "（较上年增加3件）" for a cell present in last year's report, else "".
    func change(_ id: String) -> String {
        guard let before = previous?.tables.cell(id)?.value else { return "" }
        return change(int(id), Self.int(before), unit: "件")
    }

    /// "（较上年增加3件）", "（较上年减少2件）", "（与上年持平）", or "" without last year's number.
    func change(_ now: Int, _ before: Int?, unit: String) -> String {
        guard let before else { return "" }
        if now == before { return "（与上年持平）" }
        return now > before ? "（较上年增加\(now - before)\(unit)）" : "（较上年减少\(before - now)\(unit)）"
    }

    var litigationTotal: Int { int("四.cases.directLitigation.total") + int("四.cases.litigationAfterReview.total") }

    /// The six result groups of table 三 with their 总计 counts: 予以公开 … 其他处理.
    var outcomeGroups: [(name: String, count: Int)] {
        let rows = tables.three.sections.flatMap(\.rows)
        let names = ["予以公开", "部分公开", "不予公开", "无法提供", "不予处理", "其他处理"]
        let groupLabels = ["（一）予以公开", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "（三）不予公开",
                           "（四）无法提供", "（五）不予处理", "（六）其他处理"]
        return zip(names, groupLabels).map { name, label in
            let matching = rows.filter { $0.label == label || $0.groups.last == label }
            return (name, matching.reduce(0) { $0 + Self.int($1.cells.last?.value) })
        }
    }
}
