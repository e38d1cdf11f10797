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
}

enum TableSplitter {
    static func split(_ document: SourceDocument, diagnostics: inout [ImportDiagnostic]) -> [TableSlice] {
        var tables: [TableSlice] = []
        var pendingText: [(String, Int)] = []
        var pageBreak = false
        var index = 0
        let blocks = document.blocks
        while index < blocks.count {
            defer { index += 1 }
            switch blocks[index] {
            case .text(let text, let line):
                pendingText.append((text, line))
            case .pageBreak:
                pageBreak = true
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
                if index + 1 < blocks.count, case .row(let next) = blocks[index + 1], HeaderReader.isHeader(next.cells.map(\.text)) {
                    sub = next.cells.map(\.text)
                    last = next.last
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
                tables.append(TableSlice(headings: pendingText, top: cells, sub: sub))
                pendingText = []
                pageBreak = false
            }
        }
        if !pendingText.isEmpty, !tables.isEmpty { tables[tables.count - 1].interleavedText += pendingText }
        return tables.filter { !$0.rows.isEmpty }
    }
}
