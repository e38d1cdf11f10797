/// A table as the importer read it, before its rows became items: the cells of its header and data rows,
/// and the role each column was read with. The import preview shows it; staff's choices are made against it.
struct TableLayout: Sendable {
    var headerRows: [[String]]
    var rows: [[String]]
    var roles: [ColumnRole]
    /// Columns (0-based) whose role staff chose rather than the importer.
    var chosen: Set<Int> = []
    /// The first line (text) or row (spreadsheet) of the table.
    var firstLine: Int

    var width: Int { max(roles.count, (headerRows + rows).map(\.count).max() ?? 0) }

    /// A column's header text: its labels from the top header row down, each once.
    func header(of column: Int) -> String {
        unique(headerRows.compactMap { row in
            column < row.count ? row[column].filter { !$0.isWhitespace } : nil
        }.filter { !$0.isEmpty }).joined(separator: "／")
    }
}
