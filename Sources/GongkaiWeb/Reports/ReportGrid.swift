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
        /// The header cell's `scope`: col/colgroup above the numbers, row/rowgroup beside them.
        var scope = "col"
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
        // Where each column's own label goes: under its innermost group, spanning the rows left; or on the bottom row
        // when that group stretches down because every column under it ends there (行政复议 over its five results).
        let columns = section.columns
        var labelLevel = columns.map { $0.groups.isEmpty ? 0 : $0.groups.count }
        var labelRows = columns.map { headerDepth - $0.groups.count }
        var stretches: [Int: [Int: Bool]] = [:]
        for level in 0..<headerDepth - 1 {
            for run in Self.runs(columns, level: level) {
                let stretch = run.allSatisfy { columns[$0].groups.count == level + 1 }
                stretches[level, default: [:]][run[0]] = stretch
                for index in run where stretch {
                    labelLevel[index] = headerDepth - 1
                    labelRows[index] = 1
                }
            }
        }
        for level in 0..<headerDepth {
            var index = 0
            while index < columns.count {
                let groups = columns[index].groups
                if level < groups.count, let stretch = stretches[level]?[index] {
                    let span = Self.runs(columns, level: level).first { $0[0] == index }!.count
                    header[level].cells.append(Cell(text: groups[level], colspan: span, rowspan: stretch ? headerDepth - 1 - level : 1,
                                                    scope: span > 1 ? "colgroup" : "col"))
                    index += span
                    continue
                }
                if labelLevel[index] == level { header[level].cells.append(Cell(text: columns[index].label, rowspan: labelRows[index])) }
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
                cells.append(Cell(text: row.groups[level], rowspan: span, scope: span > 1 ? "rowgroup" : "row"))
            }
            cells.append(Cell(text: row.label, colspan: labelDepth - row.groups.count, scope: "row"))
            for cell in row.cells {
                cells.append(Cell(text: Self.format(cell.value), isHeader: false, id: cell.id, failing: failing.contains(cell.id),
                                  entered: cell.source == .entered, missing: cell.source == .entered && cell.value == nil))
            }
            body.append(Row(cells: cells))
        }
        bodyRows = body
    }

    /// Runs of adjacent columns sharing their groups down to `level` (columns with groups that deep only), as indices.
    static func runs(_ columns: [ReportColumn], level: Int) -> [[Int]] {
        var runs: [[Int]] = []
        for (index, column) in columns.enumerated() where column.groups.count > level {
            let prefix = Array(column.groups.prefix(level + 1))
            if let last = runs.last?.last, last == index - 1, Array(columns[last].groups.prefix(level + 1)) == prefix {
                runs[runs.count - 1].append(index)
            } else {
                runs.append([index])
            }
        }
        return runs
    }

    /// Whole numbers without decimals; amounts as entered; an entered cell not yet filled is blank.
    static func format(_ value: Decimal?) -> String {
        guard let value else { return "" }
        return NSDecimalNumber(decimal: value).stringValue
    }
}
