/// Table 二、主动公开政府信息情况 (REGULATIONS §2.2; 2019 trial format §2.5). Cell ids: `二.<row>.<column>`.
enum TableTwo {
    static let title = "二、主动公开政府信息情况"
    static let rowHeader = "信息内容"

    static func build(_ input: ReportInput, format: ReportFormat) -> ReportTable {
        let sections = format == .format2021 ? sections2021(input) : TableTwoTrial.sections(input)
        return ReportTable(title: title, sections: sections)
    }

    /// 国办公开办函〔2021〕30号: 第二十条第（一）（五）（六）（八）项.
    static func sections2021(_ input: ReportInput) -> [ReportTableSection] {
        let documentColumns = [column("issued", "本年制发件数"), column("repealed", "本年废止件数"), column("inForce", "现行有效件数")]
        let decisionColumns = [column("decisions", "本年处理决定数量")]
        return [
            ReportTableSection(caption: "第二十条第（一）项", rowHeader: rowHeader, columns: documentColumns,
                               rows: NormativeDocumentFact.Kind.allCases.map { documentRow($0, input) }),
            ReportTableSection(caption: "第二十条第（五）项", rowHeader: rowHeader, columns: decisionColumns,
                               rows: [decisionRow(.license, input)]),
            ReportTableSection(caption: "第二十条第（六）项", rowHeader: rowHeader, columns: decisionColumns,
                               rows: [decisionRow(.penalty, input), decisionRow(.enforcement, input)]),
            ReportTableSection(caption: "第二十条第（八）项", rowHeader: rowHeader, columns: [column("amount", "本年收费金额（单位：万元）")],
                               rows: [ReportRow(id: "fee", label: "行政事业性收费",
                                                cells: [.entered("二.fee.amount", from: input.enteredFigures)])]),
        ]
    }

    /// 本年制发 / 本年废止 / 现行有效 for one kind of document.
    /// **Uncertain**: only 废止 counts as 本年废止 (a document that 失效 at the end of its 有效期 is not counted there).
    static func documentRow(_ kind: NormativeDocumentFact.Kind, _ input: ReportInput) -> ReportRow {
        let documents = input.normativeDocuments.filter { $0.kind == kind }
        let yearEnd = CivilDate(year: input.year, month: 12, day: 31)!
        let issued = documents.filter { $0.issuedOn?.year == input.year }.count
        let repealed = documents.filter { $0.validity == .repealed && $0.validityChangedOn?.year == input.year }.count
        let inForce = documents.filter { $0.isInForce(on: yearEnd) }.count
        let id = kind.rawValue
        return ReportRow(id: id, label: kind.label, cells: [
            .computed("二.\(id).issued", issued), .computed("二.\(id).repealed", repealed), .computed("二.\(id).inForce", inForce),
        ])
    }

    /// 本年处理决定数量: decisions dated in the report year.
    static func decisionRow(_ kind: DecisionKind, _ input: ReportInput) -> ReportRow {
        let count = input.decisions.filter { $0.kind == kind && $0.decidedOn.year == input.year }.count
        return ReportRow(id: kind.rawValue, label: kind.label, cells: [.computed("二.\(kind.rawValue).decisions", count)])
    }

    static func column(_ id: String, _ label: String) -> ReportColumn { ReportColumn(id: id, label: label) }
}
