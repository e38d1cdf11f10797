import Foundation

/// One table of the annual report (二, 三 or 四) as a grid with stable ids and verbatim labels.
/// Table 二 has one section per 第二十条 group (each with its own columns); 三 and 四 have one section.
public struct ReportTable: Codable, Sendable, Equatable {
    /// The table heading, verbatim ("二、主动公开政府信息情况").
    public var title: String
    public var sections: [ReportTableSection]

    public init(title: String, sections: [ReportTableSection]) {
        self.title = title
        self.sections = sections
    }

    /// Every cell, in table order.
    public var cells: [ReportCell] { sections.flatMap { $0.rows.flatMap(\.cells) } }

    /// The cell with `id`, if the table has it.
    public func cell(_ id: String) -> ReportCell? { cells.first { $0.id == id } }
}

/// A block of rows sharing one header: a 第二十条 group of table 二, or all of table 三 or 四.
public struct ReportTableSection: Codable, Sendable, Equatable {
    /// The caption row ("第二十条第（一）项"), nil for 三 and 四.
    public var caption: String?
    /// The header of the row-label column ("信息内容"), or the corner cell of 三.
    public var rowHeader: String
    public var columns: [ReportColumn]
    public var rows: [ReportRow]

    public init(caption: String?, rowHeader: String, columns: [ReportColumn], rows: [ReportRow]) {
        self.caption = caption
        self.rowHeader = rowHeader
        self.columns = columns
        self.rows = rows
    }
}

/// A numeric column: a stable id, its header, and the spanning headers above it (outermost first).
public struct ReportColumn: Codable, Sendable, Equatable {
    public var id: String
    public var label: String
    /// e.g. ["申请人情况", "法人或其他组织"] above 商业企业; ["行政诉讼", "复议后起诉"] above 结果维持.
    public var groups: [String]

    public init(id: String, label: String, groups: [String] = []) {
        self.id = id
        self.label = label
        self.groups = groups
    }
}

/// A row: a stable id, its label verbatim, the spanning row labels to its left (outermost first), one cell per column.
public struct ReportRow: Codable, Sendable, Equatable {
    public var id: String
    public var label: String
    /// e.g. ["三、本年度办理结果", "（三）不予公开"] beside "1.属于国家秘密"; these spanning labels have no numbers.
    public var groups: [String]
    public var cells: [ReportCell]

    public init(id: String, label: String, groups: [String] = [], cells: [ReportCell]) {
        self.id = id
        self.label = label
        self.groups = groups
        self.cells = cells
    }
}

/// One number of a table: computed from records, or entered by staff (and then who and when).
public struct ReportCell: Codable, Sendable, Equatable {
    /// Where the number comes from.
    public enum Source: String, Codable, Sendable {
        /// Counted from records and requests.
        case computed
        /// Entered by staff because no record holds it; `value` is nil until entered.
        case entered
    }

    /// Stable id `<table>.<row>.<column>`, e.g. `三.newlyReceived.naturalPerson`, `二.fee.amount`.
    public var id: String
    public var source: Source
    /// Nil only for an entered cell not yet filled in.
    public var value: Decimal?
    /// For an entered cell: who entered it and when.
    public var enteredBy: String?
    public var enteredOn: CivilDate?

    public init(id: String, source: Source, value: Decimal?, enteredBy: String? = nil, enteredOn: CivilDate? = nil) {
        self.id = id
        self.source = source
        self.value = value
        self.enteredBy = enteredBy
        self.enteredOn = enteredOn
    }

    /// A computed count.
    public static func computed(_ id: String, _ count: Int) -> ReportCell {
        ReportCell(id: id, source: .computed, value: Decimal(count))
    }

    /// An entered cell, filled from the matching figure if there is one.
    public static func entered(_ id: String, from figures: [EnteredFigure]) -> ReportCell {
        let figure = figures.last { $0.cellID == id }
        return ReportCell(id: id, source: .entered, value: figure?.value, enteredBy: figure?.enteredBy, enteredOn: figure?.enteredOn)
    }
}
