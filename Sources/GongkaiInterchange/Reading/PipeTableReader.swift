import Foundation
import GongkaiCore

/// Reads tables copied from web pages as text, cells separated by "|" or " | " (or by TAB, as browsers copy
/// tables to the clipboard), and Markdown tables.
/// Leading and trailing pipes are optional, Markdown rule lines (`|---|:--:|`) are skipped, trailing empty
/// cells are kept. A cell's line break (`<br>` on the page) splits a row over several lines: a line that does not
/// start a new row continues the last cell of the row before, and each such join is reported. Cells covered by
/// a rowspan are missing in a browser copy, so rows may be short; the interpreter finds which columns they lack.
enum PipeTableReader {
    static func isPipeLine(_ line: Substring) -> Bool {
        var count = 0
        var previous: Character = " "
        for char in line {
            if char == "|", previous != "\\" { count += 1 }
            previous = char
        }
        return count >= 2
    }

    /// Tab-separated text as a browser copies a table: rows of many different lengths (cells lost to rowspans,
    /// rows broken where cells had line breaks) and no quoted fields. Spreadsheets copy every row whole.
    static func isBrowserCopy(_ lines: [Substring]) -> Bool {
        let tabbed = lines.filter { $0.includes("\t") }
        guard tabbed.count >= 3, !tabbed.contains(where: { $0.hasPrefix("\"") || $0.includes("\t\"") }) else { return false }
        let counts = tabbed.map { $0.split(separator: "\t", omittingEmptySubsequences: false).count }
        var frequency: [Int: Int] = [:]
        for count in counts { frequency[count, default: 0] += 1 }
        let modal = frequency.max { ($0.value, $0.key) < ($1.value, $1.key) }!.key
        return frequency.count >= 3 && counts.filter { $0 != modal }.count * 4 >= counts.count
    }

    static func format(_ lines: [Substring]) -> String {
        lines.contains(where: isMarkdownRule) ? "Markdown 表格" : "竖线分隔文本"
    }

    /// A Markdown separator (`|---|:--:|`) or an ASCII-art border (`+----+----+`).
    static func isMarkdownRule(_ line: Substring) -> Bool {
        let trimmed = line.trimmed
        return trimmed.includes("-") || trimmed.includes("=") ? trimmed.allSatisfy { "|-:+= ".contains($0) } && trimmed.count >= 3 : false
    }

    /// How a table's lines separate their cells.
    struct Style {
        var separator: Character = "|"
        /// Most lines start and end with "|" (Markdown style): the outer pipes are borders, not empty cells.
        var bordered = false

        func isTableLine(_ line: Substring) -> Bool {
            separator == "|" ? PipeTableReader.isPipeLine(line) : line.filter { $0 == separator }.count >= 2
        }
    }

    private struct Row {
        var cells: [String]
        var first: Int
        var last: Int
    }

    static func read(_ lines: [Substring], separator: Character = "|") -> SourceDocument {
        var blocks: [SourceBlock] = []
        var diagnostics: [ImportDiagnostic] = []
        let style = Style(separator: separator, bordered: separator == "|" && isBordered(lines))
        let sep = separator
        // Markdown pads a short row with empty cells at its end; only browser copies lose cells to rowspans.
        let markdown = style.bordered && lines.contains(where: isMarkdownRule)
        let headerIndex = lines.indices.first { style.isTableLine(lines[$0]) && HeaderReader.isHeader(cells(lines[$0], style)) }
        let start = headerIndex ?? lines.indices.first { style.isTableLine(lines[$0]) } ?? lines.count
        for index in 0..<start where !lines[index].trimmed.isEmpty {
            blocks.append(.text(String(lines[index]), line: index + 1))
        }

        var width = lines.indices.contains(start) ? cells(lines[start], style).count : 0
        var numbered = false
        var current: Row?
        var blankBefore = false
        func flush() {
            if var row = current {
                if markdown, row.cells.count < width { row.cells += Array(repeating: "", count: width - row.cells.count) }
                blocks.append(.row(SourceRow(cells: row.cells.map { SourceCell($0) }, first: row.first, last: row.last)))
            }
            current = nil
        }
        func join(_ text: String, into row: inout Row, line: Int, blank: Bool) {
            // A row whose line held only separators has no cell to continue (found by scripts/fuzz pipe).
            guard !row.cells.isEmpty else { row.cells = [text]; row.last = line; return }
            let head = row.cells[row.cells.count - 1]
            row.cells[row.cells.count - 1] = head + (blank ? "\n\n" : "\n") + text
            row.last = line
            let shown = head.split(separator: "\n").last.map { String($0.suffix(12)) } ?? ""
            diagnostics.append(.init(.inference, .continuationMerged, first: line,
                "本行不是新的一行：接在第\(row.first)行单元格“…\(shown)”之后（网页上单元格内的换行），已合并"))
        }

        var index = start
        while index < lines.count {
            let line = lines[index]
            let number = index + 1
            index += 1
            if line.trimmed.isEmpty { blankBefore = true; continue }
            if isMarkdownRule(line) { continue }
            defer { blankBefore = false }
            guard line.contains(sep) else {
                if var row = current, row.cells.count < width, !(blankBefore && isNote(line)) {
                    join(clean(line), into: &row, line: number, blank: blankBefore)
                    current = row
                } else {
                    flush()
                    blocks.append(.text(String(line), line: number))
                }
                continue
            }
            let split = cells(line, style)
            if HeaderReader.isHeader(split), current == nil || startsRow(line, split, after: current!, width: width, numbered: numbered, style: style) {
                flush()
                var top = Row(cells: split, first: number, last: number)
                index = joiningWrappedHeader(&top, lines, from: index, style: style, diagnostics: &diagnostics)
                while index < lines.count, isMarkdownRule(lines[index]) { index += 1 }
                var sub: Row?
                if index < lines.count, lines[index].contains(sep), HeaderReader.isSubHeader(cells(lines[index], style)) {
                    var row = Row(cells: cells(lines[index], style), first: index + 1, last: index + 1)
                    index = joiningWrappedHeader(&row, lines, from: index + 1, style: style, diagnostics: &diagnostics)
                    sub = row
                }
                let roles = HeaderReader.roles(top: top.cells, sub: sub?.cells, exactColumns: false)
                width = roles.count
                numbered = roles.contains(.sequence)
                for row in [top] + (sub.map { [$0] } ?? []) {
                    blocks.append(.row(SourceRow(cells: row.cells.map { SourceCell($0) }, first: row.first, last: row.last)))
                }
                continue
            }
            if var row = current, !startsRow(line, split, after: row, width: width, numbered: numbered, style: style) {
                join(split[0], into: &row, line: number, blank: blankBefore)
                row.cells += split.dropFirst()
                current = row
            } else {
                flush()
                current = Row(cells: split, first: number, last: number)
            }
        }
        flush()
        var document = SourceDocument(blocks: blocks, unit: .line, exactColumns: false, diagnostics: diagnostics)
        document.missingCellsAreRowspans = !markdown
        return document
    }

    /// Whether a line begins a row rather than continuing the last cell of `row`: a bordered line starts with
    /// "|"; otherwise a row number starts a row in a numbered table, and so does any line once the row is full
    /// or when joining would give the row more cells than the header has columns.
    private static func startsRow(_ line: Substring, _ cells: [String], after row: Row, width: Int, numbered: Bool, style: Style) -> Bool {
        if style.bordered { return line.trimmed.hasPrefix("|") }
        if numbered, let first = cells.first, CellDumpReader.isRowNumber(first), row.cells.count >= 2 { return true }
        return row.cells.count >= width || row.cells.count + cells.count - 1 > width
    }

    /// A header label broken over two lines ("公开内容" / "（要素） | 公开依据 | …"): the next line starts with a bracket,
    /// or only the joined text is a label. Returns the index after the lines used.
    private static func joiningWrappedHeader(_ row: inout Row, _ lines: [Substring], from start: Int, style: Style,
                                             diagnostics: inout [ImportDiagnostic]) -> Int {
        var index = start
        while index < lines.count, !lines[index].trimmed.isEmpty, !isMarkdownRule(lines[index]), !(style.bordered && lines[index].trimmed.hasPrefix("|")) {
            let next = lines[index].contains(style.separator) ? cells(lines[index], style) : [clean(lines[index])]
            guard let first = next.first, let last = row.cells.last, !first.isEmpty, ColumnRole.recognize(first) == nil, !isNumbering(first),
                  first.hasPrefix("（") || first.hasPrefix("(") || (ColumnRole.recognize(last) == nil && ColumnRole.recognize(last + first) != nil)
            else { break }
            row.cells[row.cells.count - 1] = last + "\n" + first
            row.cells += next.dropFirst()
            row.last = index + 1
            diagnostics.append(.init(.inference, .continuationMerged, first: index + 1,
                "表头“\(last)”在网页上换行，本行开头的“\(first)”接在它后面"))
            index += 1
        }
        return index
    }

    /// "（一）", "(3)": a row's number, not the tail of a header label.
    private static func isNumbering(_ text: String) -> Bool {
        guard let open = text.first, "（(".contains(open), let close = text.last, "）)".contains(close), text.count <= 5 else { return false }
        return text.dropFirst().dropLast().allSatisfy { $0.isNumber || "一二三四五六七八九十".contains($0) }
    }

    private static func isBordered(_ lines: [Substring]) -> Bool {
        let table = lines.filter { isPipeLine($0) && !isMarkdownRule($0) }.map { $0.trimmed }
        let framed = table.filter { $0.hasPrefix("|") && $0.hasSuffix("|") }.count
        return !table.isEmpty && framed * 2 > table.count
    }

    static func cells(_ line: Substring, _ style: Style) -> [String] {
        var cells: [String] = []
        var cell = ""
        var previous: Character = " "
        for char in line {
            if char == style.separator {
                if previous == "\\", char == "|" { cell.removeLast(); cell.append("|") } else { cells.append(cell); cell = "" }
            } else {
                cell.append(char)
            }
            previous = char
        }
        cells.append(cell)
        if style.bordered {
            let trimmed = line.trimmed
            if trimmed.hasPrefix("|"), !cells.isEmpty { cells.removeFirst() }
            if trimmed.hasSuffix("|"), !trimmed.hasSuffix("\\|"), !cells.isEmpty { cells.removeLast() }
        }
        return cells.map(clean)
    }

    /// Cell text as shown: Markdown's `<br>` as a line break, `**bold**` markers and entities resolved.
    private static func clean(_ raw: some StringProtocol) -> String {
        var text = String(raw).trimmed
        if text.includes("<") {
            text = text.replacingOccurrences(of: #"<br\s*/?>"#, with: "\n", options: [.regularExpression, .caseInsensitive])
        }
        if text.includes("&") { text = HTMLEntities.decode(text) }
        for marker in ["**", "__"] where text.hasPrefix(marker) && text.hasSuffix(marker) && text.count > 4 {
            text = String(text.dropFirst(2).dropLast(2))
        }
        return text.trimmed
    }

    /// "注：…", "说明：…" after a blank line end the table rather than continue a cell.
    private static func isNote(_ line: Substring) -> Bool {
        let text = line.trimmed
        return ["注", "说明", "备注", "附注"].contains { label in
            text.hasPrefix(label) && text.dropFirst(label.count).first.map { "：:1１0123456789".contains($0) } == true
        }
    }
}
