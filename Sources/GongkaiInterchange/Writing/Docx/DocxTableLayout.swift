/// Places the cells of a `DocxTable` on its column grid, adding the covered cells Word needs: every row
/// of a vertical merge has its own `<w:tc>` with `<w:vMerge/>` and the same span.
struct DocxTableLayout {
    enum Merge: Equatable { case none, restart, continuation }

    struct Placed: Equatable {
        var column: Int
        var span: Int
        var merge: Merge
        /// Nil for a continuation and for an empty cell added to complete a row.
        var cell: DocxTable.Cell?
    }

    let columnCount: Int
    private(set) var rows: [[Placed]] = []

    init(_ table: DocxTable) {
        columnCount = table.columnWidths.count
        // Per grid column: how many more rows a cell from above covers, and that cell's span.
        var covered = Array(repeating: (rows: 0, span: 0), count: columnCount)
        for row in table.rows {
            var placed: [Placed] = []
            var pending = row.cells[...]
            var column = 0
            while column < columnCount {
                if covered[column].rows > 0 {
                    let span = covered[column].span
                    placed.append(Placed(column: column, span: span, merge: .continuation, cell: nil))
                    covered[column].rows -= 1
                    column += span
                    continue
                }
                let cell = pending.popFirst()
                var span = 1
                // A span stops before a column still covered from above and at the right edge.
                while span < (cell?.columnSpan ?? 1), column + span < columnCount, covered[column + span].rows == 0 { span += 1 }
                let rowSpan = cell?.rowSpan ?? 1
                placed.append(Placed(column: column, span: span, merge: rowSpan > 1 ? .restart : .none, cell: cell))
                if rowSpan > 1 { covered[column] = (rowSpan - 1, span) }
                column += span
            }
            rows.append(placed)
        }
    }
}
