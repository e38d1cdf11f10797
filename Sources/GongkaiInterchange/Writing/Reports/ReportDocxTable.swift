import Foundation
import GongkaiCore

/// Lays out a `ReportTable` of the annual report as a bordered `DocxTable`, deriving every merged cell from
/// the columns' and rows' `groups`:
/// - column groups become header cells spanning their columns; a group that is the last above all its columns
///   reaches down to the bottom header row (表四's 行政复议), otherwise a column's own label reaches up to its
///   last group (表三's 自然人 and 总计 under 申请人情况);
/// - row groups become cells spanning their rows to the left of the row labels (表三's 三、本年度办理结果 and
///   （三）不予公开), a row with fewer groups has its label span the free label columns;
/// - a section's caption (表二's 第二十条第（一）项) is a full-width row above its own header rows; sections with
///   fewer columns than the widest spread their columns over the grid, the last taking the remainder;
/// - a table whose sections have no row header (表四) has no label column.
enum ReportDocxTable {
    typealias Cell = DocxTable.Cell

    static func table(_ table: ReportTable, size: Double = DocxSize.five) -> DocxTable {
        let labelled = table.sections.contains { !$0.rowHeader.isEmpty }
        let labelDepth = labelled ? (table.sections.flatMap(\.rows).map(\.groups.count).max() ?? 0) + 1 : 0
        let valueColumns = max(table.sections.map(\.columns.count).max() ?? 1, 1)
        // A table of one section without caption (三, 四) repeats its header rows on every page; 表二's header
        // rows belong to their caption and are only bold.
        let repeatsHeader = table.sections.count == 1 && table.sections[0].caption == nil
        var rows: [DocxTable.Row] = []
        for section in table.sections {
            if let caption = section.caption {
                rows.append(DocxTable.Row([Cell(caption, columnSpan: labelDepth + valueColumns, bold: true)]))
            }
            let spans = self.spans(section.columns.count, over: valueColumns)
            rows += headerRows(section, labelDepth: labelDepth, spans: spans).map {
                DocxTable.Row(repeatsHeader ? $0 : $0.map(bolded), isHeader: repeatsHeader)
            }
            rows += bodyRows(section, labelDepth: labelDepth, spans: spans)
        }
        var docx = DocxTable(columnWidths: widths(labelDepth: labelDepth, valueColumns: valueColumns), rows: rows,
                             font: .song, size: size)
        // Each of the three tables fits on a page; published reports keep them whole.
        docx.keepTogether = true
        return docx
    }

    /// How many grid columns each of `count` columns covers: equal shares, the last taking the remainder.
    static func spans(_ count: Int, over grid: Int) -> [Int] {
        guard count > 0 else { return [] }
        let share = max(grid / count, 1)
        return (0..<count).map { $0 == count - 1 ? max(grid - share * (count - 1), 1) : share }
    }

    /// Value columns weigh 1. The labels take about half the width when they are nested (表三), else one and a
    /// half columns. Of nested labels the outermost group column is narrowest (三、本年度办理结果 runs down many
    /// rows), inner group columns hold four characters a line at 五号 (（三）不予公开), the row labels get the rest.
    static func widths(labelDepth: Int, valueColumns: Int) -> [Double] {
        let values = Array(repeating: 1.0, count: valueColumns)
        guard labelDepth > 0 else { return values }
        guard labelDepth > 1 else { return [1.5] + values }
        let area = Double(valueColumns)
        let groups = (0..<(labelDepth - 1)).map { area * ($0 == 0 ? 0.17 : 0.23) }
        return groups + [area - groups.reduce(0, +)] + values
    }

    /// The header rows of a section: the corner cell (row header) and the column groups and labels.
    static func headerRows(_ section: ReportTableSection, labelDepth: Int, spans: [Int]) -> [[Cell]] {
        let columns = section.columns
        let depth = (columns.map(\.groups.count).max() ?? 0) + 1
        // (header row, grid column, cell), sorted into rows afterwards.
        var placed: [(row: Int, column: Int, cell: Cell)] = []
        if labelDepth > 0 {
            placed.append((0, 0, Cell(section.rowHeader, columnSpan: labelDepth, rowSpan: depth)))
        }
        let starts = spans.indices.map { index in labelDepth + spans[..<index].reduce(0, +) }
        // The header row each column's own label starts in.
        var labelRow = columns.map(\.groups.count)
        for level in 0..<(depth - 1) {
            var index = 0
            while index < columns.count {
                guard columns[index].groups.count > level else { index += 1; continue }
                let prefix = columns[index].groups[...level]
                var end = index + 1
                while end < columns.count, columns[end].groups.count > level, columns[end].groups[...level] == prefix { end += 1 }
                let run = index..<end
                let reachesDown = run.allSatisfy { columns[$0].groups.count == level + 1 }
                let rowSpan = reachesDown ? depth - 1 - level : 1
                if reachesDown { run.forEach { labelRow[$0] = depth - 1 } }
                placed.append((level, starts[index], Cell(columns[index].groups[level], columnSpan: run.map { spans[$0] }.reduce(0, +),
                                                          rowSpan: rowSpan)))
                index = end
            }
        }
        for (index, column) in columns.enumerated() {
            placed.append((labelRow[index], starts[index], Cell(column.label, columnSpan: spans[index], rowSpan: depth - labelRow[index])))
        }
        return (0..<depth).map { row in placed.filter { $0.row == row }.sorted { $0.column < $1.column }.map(\.cell) }
    }

    /// The rows of figures with their labels: group cells where a run of rows with the same groups starts.
    static func bodyRows(_ section: ReportTableSection, labelDepth: Int, spans: [Int]) -> [DocxTable.Row] {
        let rows = section.rows
        let alignment: DocxParagraph.Alignment = labelDepth > 1 ? .left : .center
        return rows.enumerated().map { index, row in
            var cells: [Cell] = []
            if labelDepth > 0 {
                for level in row.groups.indices {
                    let prefix = row.groups[...level]
                    let startsRun = index == 0 || rows[index - 1].groups.count <= level || rows[index - 1].groups[...level] != prefix
                    guard startsRun else { continue }
                    var end = index + 1
                    while end < rows.count, rows[end].groups.count > level, rows[end].groups[...level] == prefix { end += 1 }
                    cells.append(Cell(row.groups[level], rowSpan: end - index))
                }
                cells.append(Cell(row.label, columnSpan: labelDepth - row.groups.count, alignment: alignment))
            }
            cells += zip(row.cells, spans).map { Cell(figure($0.value), columnSpan: $1) }
            return DocxTable.Row(cells)
        }
    }

    /// A figure as written in the report: as given (integers without decimals, 万元 with theirs), blank for an
    /// entered cell not filled in.
    static func figure(_ value: Decimal?) -> String {
        guard let value else { return "" }
        return NSDecimalNumber(decimal: value).stringValue
    }

    private static func bolded(_ cell: Cell) -> Cell {
        var cell = cell
        cell.bold = true
        return cell
    }
}
