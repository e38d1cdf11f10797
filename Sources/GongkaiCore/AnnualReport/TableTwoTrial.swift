/// Table 二 in the 2019 trial format (国办公开办函〔2019〕60号, REGULATIONS §2.5), for report years before 2021.
enum TableTwoTrial {
    static func sections(_ input: ReportInput) -> [ReportTableSection] {
        let documentColumns = [TableTwo.column("madeNew", "本年新制作数量"), TableTwo.column("publishedNew", "本年新公开数量"),
                               TableTwo.column("publishedTotal", "对外公开总数量")]
        let itemColumns = [TableTwo.column("previousItems", "上一年项目数量"), TableTwo.column("change", "本年增/减"),
                           TableTwo.column("decisions", "处理决定数量")]
        let figures = input.enteredFigures
        return [
            ReportTableSection(caption: "第二十条第（一）项", rowHeader: TableTwo.rowHeader, columns: documentColumns,
                               rows: NormativeDocumentFact.Kind.allCases.map { documentRow($0, input) }),
            ReportTableSection(caption: "第二十条第（五）项", rowHeader: TableTwo.rowHeader, columns: itemColumns,
                               rows: [itemRow(.license, input), enteredRow("otherService", "其他对外管理服务事项",
                                                                           ["previousItems", "change", "decisions"], figures)]),
            ReportTableSection(caption: "第二十条第（六）项", rowHeader: TableTwo.rowHeader, columns: itemColumns,
                               rows: [itemRow(.penalty, input), itemRow(.enforcement, input)]),
            ReportTableSection(caption: "第二十条第（八）项", rowHeader: TableTwo.rowHeader, columns: Array(itemColumns.prefix(2)),
                               rows: [enteredRow("fee", "行政事业性收费", ["previousItems", "change"], figures)]),
            ReportTableSection(caption: "第二十条第（九）项", rowHeader: TableTwo.rowHeader,
                               columns: [TableTwo.column("projects", "采购项目数量"), TableTwo.column("amount", "采购总金额")],
                               rows: [enteredRow("procurement", "政府集中采购", ["projects", "amount"], figures)]),
        ]
    }

    /// 本年新制作 / 本年新公开 / 对外公开总数量.
    /// **Uncertain**: 新制作 = 成文 in the year (else 发布), 新公开 = 发布 in the year,
    /// 对外公开总数量 = published by 12月31日 regardless of 有效性. The trial row label was 规范性文件.
    static func documentRow(_ kind: NormativeDocumentFact.Kind, _ input: ReportInput) -> ReportRow {
        let documents = input.normativeDocuments.filter { $0.kind == kind }
        let yearEnd = CivilDate(year: input.year, month: 12, day: 31)!
        let made = documents.filter { $0.issuedOn?.year == input.year }.count
        let published = documents.filter { $0.publishedDate?.year == input.year }.count
        let total = documents.filter { ($0.publishedDate.map { $0 <= yearEnd }) ?? false }.count
        let id = kind.rawValue
        return ReportRow(id: id, label: kind == .regulation ? "规章" : "规范性文件", cells: [
            .computed("二.\(id).madeNew", made), .computed("二.\(id).publishedNew", published), .computed("二.\(id).publishedTotal", total),
        ])
    }

    /// 上一年项目数量 and 本年增/减 count 事项, which no record holds: entered. 处理决定数量 is counted.
    static func itemRow(_ kind: DecisionKind, _ input: ReportInput) -> ReportRow {
        let id = kind.rawValue
        let decisions = input.decisions.filter { $0.kind == kind && $0.decidedOn.year == input.year }.count
        return ReportRow(id: id, label: kind.label, cells: [
            .entered("二.\(id).previousItems", from: input.enteredFigures), .entered("二.\(id).change", from: input.enteredFigures),
            .computed("二.\(id).decisions", decisions),
        ])
    }

    static func enteredRow(_ id: String, _ label: String, _ columns: [String], _ figures: [EnteredFigure]) -> ReportRow {
        ReportRow(id: id, label: label, cells: columns.map { .entered("二.\(id).\($0)", from: figures) })
    }
}
