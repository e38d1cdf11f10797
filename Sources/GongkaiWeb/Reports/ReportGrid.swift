import Foundation
import GongkaiCore

/// One section of a report table laid out as HTML rows with merged cells, like the printed national format:
/// spanning column headers (申请人情况 › 法人或其他组织 › 商业企业) stacked above their columns with each label on the
/// bottom header row, and spanning row labels (三、本年度办理结果 › （三）不予公开) merged down the rows they cover.
struct ReportGrid: Sendable {
    struct Cell: Sendable {
        var text: String
        var colspan: Int = 1
        var rowspan: Int = 1
        var isHeader = true
        /// For a number: its cell id, and whether a check fails on it or it is entered by staff.
        var id: String? = nil
        var failing = false
        var entered = false
        var missing = false
        var scope: String { colspan > 1 ? "colgroup" : "col" }
    }

    struct Row: Sendable { var cells: [Cell] }

    var caption: String?
    /// Columns in all: the row labels' and the numbers'.
    var width: Int
    var headerRows: [Row]
    var bodyRows: [Row]

    init(_ section: ReportTableSection, failing: Set<String>) {
        caption = section.caption
        let headerDepth = (section.columns.map(\.groups.count).max() ?? 0) + 1
        let labelDepth = (section.rows.map(\.groups.count).max() ?? 0) + 1
        width = labelDepth + section.columns.count
        var header = Array(repeating: Row(cells: []), count: headerDepth)
        header[0].cells.append(Cell(text: section.rowHeader, colspan: labelDepth, rowspan: headerDepth))
        for level in 0..<headerDepth {
            var index = 0
            while index < section.columns.count {
                let column = section.columns[index], groups = column.groups
                if groups.isEmpty {
                    if level == 0 { header[0].cells.append(Cell(text: column.label, rowspan: headerDepth)) }
                } else if level < groups.count {
                    let prefix = Array(groups.prefix(level + 1))
                    var span = 1
                    while index + span < section.columns.count, Array(section.columns[index + span].groups.prefix(level + 1)) == prefix { span += 1 }
                    let isInnermost = level == groups.count - 1
                    header[level].cells.append(Cell(text: groups[level], colspan: span, rowspan: isInnermost ? headerDepth - 1 - level : 1))
                    index += span
                    continue
                } else if level == headerDepth - 1 {
                    header[level].cells.append(Cell(text: column.label))
                }
                index += 1
            }
        }
        headerRows = header
        var body: [Row] = []
        for (rowIndex, row) in section.rows.enumerated() {
            var cells: [Cell] = []
            for level in row.groups.indices {
                let prefix = Array(row.groups.prefix(level + 1))
                if rowIndex > 0, Array(section.rows[rowIndex - 1].groups.prefix(level + 1)) == prefix { continue }
                var span = 1
                while rowIndex + span < section.rows.count, Array(section.rows[rowIndex + span].groups.prefix(level + 1)) == prefix { span += 1 }
                cells.append(Cell(text: row.groups[level], rowspan: span))
            }
            cells.append(Cell(text: row.label, colspan: labelDepth - row.groups.count))
            for cell in row.cells {
                cells.append(Cell(text: Self.format(cell.value), isHeader: false, id: cell.id, failing: failing.contains(cell.id),
                                  entered: cell.source == .entered, missing: cell.source == .entered && cell.value == nil))
            }
            body.append(Row(cells: cells))
        }
        bodyRows = body
    }

    /// Whole numbers without decimals; amounts as entered; an entered cell not yet filled is blank.
    static func format(_ value: Decimal?) -> String {
        guard let value else { return "" }
        return NSDecimalNumber(decimal: value).stringValue
    }
}
