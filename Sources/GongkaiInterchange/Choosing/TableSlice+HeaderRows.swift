extension TableSlice {
    /// The table with exactly `count` header rows: its rows, header rows first, cut again after that many.
    /// Of three or more header rows, the lowest label of each column above the last row stands for its group.
    func withHeaderRows(_ count: Int) -> TableSlice {
        let grid = headerRows.map { (row: $0, pageBreakBefore: false) } + rows
        let header = grid.prefix(count).map { $0.row.cells.map(\.text) }
        var slice = TableSlice(headings: headings, top: nil, sub: nil, rows: Array(grid.dropFirst(count)),
                               interleavedText: interleavedText, headerRows: grid.prefix(count).map(\.row))
        if count == headerRows.count { slice.roles = roles }
        switch header.count {
        case 0: break
        case 1: slice.top = header[0]
        default:
            let above = header.dropLast()
            let width = above.map(\.count).max() ?? 0
            slice.top = (0..<width).map { column in
                above.last { column < $0.count && !$0[column].allSatisfy(\.isWhitespace) }.map { $0[column] } ?? ""
            }
            slice.sub = header[header.count - 1]
        }
        return slice
    }
}
