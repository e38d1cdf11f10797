import GongkaiCore

/// Finds the tables in a source document: header rows start a table, a header repeated after a page
/// break is skipped, and the text before a table (its headings) is kept with it.
struct TableSlice {
    var headings: [(text: String, line: Int)]
    var top: [String]?
    var sub: [String]?
    var rows: [(row: SourceRow, pageBreakBefore: Bool)] = []
    /// Text found between the rows of this table.
    var interleavedText: [(text: String, line: Int)] = []
    /// The rows `top` and `sub` were read from.
    var headerRows: [SourceRow] = []
    /// Roles already known for the columns (a grid made from a recovered reading), in place of reading the header.
    var roles: [ColumnRole]? = nil
}

enum TableSplitter {
    static func split(_ document: SourceDocument, diagnostics: inout [ImportDiagnostic]) -> [TableSlice] {
        var tables: [TableSlice] = []
        var pendingText: [(String, Int)] = []
        var pageBreak = false
        var index = 0
        let blocks = document.blocks
        // A table starts at its header: rows above the first header are a title, a caption or page chrome
        // (a web page saved as a spreadsheet), not a headerless table of their own, unless several of them
        // state obligations (a 时限 or a 依据), as the rows of a table whose header went unrecognised do.
        var firstHeader = blocks.firstIndex { if case .row(let row) = $0 { HeaderReader.isHeader(row.cells.map(\.text)) } else { false } }
        if let header = firstHeader {
            let obligations = blocks[..<header].filter { block in
                guard case .row(let row) = block else { return false }
                return ColumnGuesser.statesObligation(row.cells.map(\.text))
            }
            if obligations.count >= 3 { firstHeader = nil }
        }
        var aboveHeader: [SourceRow] = []
        while index < blocks.count {
            defer { index += 1 }
            switch blocks[index] {
            case .text(let text, let line):
                pendingText.append((text, line))
            case .pageBreak:
                pageBreak = true
            case .row(let row) where firstHeader.map { index < $0 } ?? false:
                let text = unique(row.cells.map { $0.text.trimmed }.filter { !$0.isEmpty }).joined(separator: " ")
                if !text.isEmpty { pendingText.append((text, row.first)) }
                aboveHeader.append(row)
            case .row(let row):
                let cells = row.cells.map(\.text)
                guard HeaderReader.isHeader(cells) else {
                    if tables.isEmpty { tables.append(TableSlice(headings: pendingText)); pendingText = [] }
                    if !pendingText.isEmpty {
                        tables[tables.count - 1].interleavedText += pendingText
                        pendingText = []
                    }
                    tables[tables.count - 1].rows.append((row, pageBreak))
                    pageBreak = false
                    continue
                }
                var sub: [String]?
                var last = row.last
                var headerRows = [row]
                if index + 1 < blocks.count, case .row(let next) = blocks[index + 1], HeaderReader.isSubHeader(next.cells.map(\.text)) {
                    sub = next.cells.map(\.text)
                    last = next.last
                    headerRows.append(next)
                    index += 1
                }
                let hasHeadings = pendingText.contains { !$0.0.allSatisfy(\.isWhitespace) }
                if let current = tables.last, let top = current.top, !hasHeadings,
                   HeaderReader.signature(top) == HeaderReader.signature(cells) {
                    diagnostics.append(.init(.inference, .headerRepeated, first: row.first, last: last, "跨页重复的表头，已略过"))
                    pageBreak = true
                    pendingText = []
                    continue
                }
                tables.append(TableSlice(headings: pendingText, top: cells, sub: sub, headerRows: headerRows))
                pendingText = []
                pageBreak = false
            }
        }
        if !pendingText.isEmpty, !tables.isEmpty { tables[tables.count - 1].interleavedText += pendingText }
        if let first = aboveHeader.first, let last = aboveHeader.last {
            diagnostics.append(.init(.inference, .structure, first: first.first, last: last.last,
                "表头之前的\(aboveHeader.count)行不是目录的一部分（标题或页面内容），按表格外的文字处理"))
        }
        return tables.filter { !$0.rows.isEmpty }
    }
}
