import Foundation
import GongkaiCore

/// Reads a saved web page (or an HTML file saved by Word, WPS or LibreOffice): every `<table>` becomes a grid
/// with rowspan/colspan expanded into merged cells, as DOCXReader does; the catalog is the table whose header
/// HeaderReader recognises (with the most rows; tables with the same header continue it); the title and
/// 发布时间 lines around it become headings, text after it notes. Layout and navigation tables are page chrome.
enum HTMLTableReader {
    static let format = "网页 (HTML)"

    /// Markup at the start, or a table in the text (a fragment copied as HTML).
    static func recognizes(_ text: String) -> Bool {
        let start = text.drop { $0.isWhitespace || $0 == "\u{FEFF}" }.prefix(2048).lowercased()
        if start.hasPrefix("<!doctype html") || start.hasPrefix("<html") || start.hasPrefix("<head") || start.hasPrefix("<meta")
            || start.hasPrefix("<body") || start.hasPrefix("<table") || (start.hasPrefix("<?xml") && start.includes("<html")) {
            return true
        }
        let lower = text.lowercased()
        return start.hasPrefix("<") && lower.includes("<table") && (lower.includes("<td") || lower.includes("<tr"))
    }

    static func read(_ html: String, fileName: String) throws -> SourceDocument {
        let tokens: [HTMLToken]
        do { tokens = try HTMLTokenizer.tokenize(html) } catch let HTMLSyntaxError.endsInside(what) {
            throw ImportError.truncated(fileName, format: format, reason: "文件在\(what)中间结束")
        }
        let tree = HTMLTree(tokens)
        if tree.unclosedTables > 0 {
            throw ImportError.truncated(fileName, format: format, reason: "表格没有结束（缺少 </table>），网页也没有结束标记 </html>")
        }
        var tables: [HTMLElement] = []
        collectTables(tree.root, into: &tables)
        guard !tables.isEmpty else {
            throw ImportError.notACatalog(fileName, reason: "网页中没有表格（<table>）；如果目录在网页的附件里，请下载附件后导入")
        }
        let grids = tables.map(Grid.init)
        let (chosen, choice) = try choose(grids, fileName: fileName)
        let flow = HTMLText.flow(tree.root, tables: Set(chosen.map { ObjectIdentifier(tables[$0]) }))
        var blocks: [SourceBlock] = []
        var rowNumber = 0
        func text(_ lines: some Sequence<HTMLText.Line>) {
            for line in lines { blocks.append(.text(line.text, line: rowNumber)) }
        }
        let markers = flow.markers
        guard let first = markers.first else {
            throw ImportError.notACatalog(fileName, reason: "网页中没有可读的表格")
        }
        text(headings(flow.lines, before: first))
        for (index, marker) in markers.enumerated() {
            guard let table = chosen.first(where: { ObjectIdentifier(tables[$0]) == marker.table }) else { continue }
            if index > 0 {
                let previous = markers[index - 1]
                let parents = [previous.ancestors.last, marker.ancestors.last].compactMap { $0 }
                text(flow.lines[previous.position..<marker.position].filter { line in parents.contains { line.ancestors.contains($0) } })
            }
            let grid = grids[table]
            for (offset, row) in grid.rows.enumerated() where row.contains(where: { !$0.text.allSatisfy(\.isWhitespace) }) {
                if let header = grid.header, offset < header {
                    // A title or date row above the header (a caption typed into the table) is text, not data.
                    text([HTMLText.Line(text: unique(row.map { $0.text.trimmed }.filter { !$0.isEmpty }).joined(separator: " "), ancestors: [])])
                    continue
                }
                rowNumber += 1
                blocks.append(.row(SourceRow(cells: row, first: rowNumber, last: rowNumber)))
            }
        }
        if let last = markers.last, let parent = last.ancestors.last {
            text(flow.lines[last.position...].filter { $0.ancestors.contains(parent) })
        }
        return SourceDocument(blocks: blocks, unit: .row, exactColumns: true, recordsMerges: true,
                              diagnostics: [.init(.inference, .structure, choice)])
    }

    /// Tables in document order, outer before inner.
    private static func collectTables(_ element: HTMLElement, into tables: inout [HTMLElement]) {
        for child in element.elements {
            if child.name == "table" { tables.append(child) }
            collectTables(child, into: &tables)
        }
    }

    /// The title and 发布时间 lines of the catalog: from the nearest line before the table that names a
    /// 目录 (or 清单), within the element that holds both it and the table; without such a line, the few
    /// lines just before the table in its own container. A dated line elsewhere before the table is added.
    private static func headings(_ lines: [HTMLText.Line], before marker: HTMLText.Marker) -> [HTMLText.Line] {
        let before = lines[..<marker.position]
        var result: [HTMLText.Line]
        if let title = before.lastIndex(where: { isTitle($0.text) }) {
            let titleAncestors = Set(before[title].ancestors)
            let container = marker.ancestors.last { titleAncestors.contains($0) }
            result = before[title...].filter { line in container.map { line.ancestors.contains($0) } ?? true }
        } else if let parent = marker.ancestors.last {
            result = Array(before.filter { $0.ancestors.contains(parent) }.suffix(6))
        } else {
            result = Array(before.suffix(6))
        }
        if !result.contains(where: { PublishedDate.find(in: $0.text) != nil }),
           let dated = before.last(where: { PublishedDate.find(in: $0.text) != nil }) {
            result.append(dated)
        }
        return result
    }

    /// A line naming a 目录 or 清单 that is not a sentence ("现将本委政务公开事项标准目录公布如下。").
    private static func isTitle(_ text: String) -> Bool {
        AgencyRecognizer.isTitle(text) || (text.count <= 60 && text.includes("清单") && !text.contains { "。，；".contains($0) })
    }

    /// The catalog: the table with a recognised header and the most rows, with any other table that repeats
    /// its header; a header-only table followed by its body table (pages that scroll the body separately);
    /// or, where no header is recognised, the biggest table of four or more columns, its columns to be guessed.
    private static func choose(_ grids: [Grid], fileName: String) throws -> ([Int], String) {
        let total = grids.count
        func describe(_ indices: [Int]) -> String {
            indices.map { "第\($0 + 1)个（\(grids[$0].filledRows)行）" }.joined(separator: "、")
        }
        let recognized = grids.indices.filter { grids[$0].header != nil }
        if let best = recognized.max(by: { (grids[$0].dataRows, $1) < (grids[$1].dataRows, $0) }) {
            if grids[best].dataRows == 0, best + 1 < total, grids[best + 1].header == nil,
               grids[best + 1].width == grids[best].width, grids[best + 1].filledRows > 0 {
                return ([best, best + 1], "页面共有\(total)个表格，第\(best + 1)个是目录的表头，第\(best + 2)个（\(grids[best + 1].filledRows)行）是目录的内容，合为一个目录")
            }
            let signature = grids[best].signature
            let chosen = recognized.filter { $0 == best || (grids[$0].signature == signature && grids[$0].dataRows > 0) }
            let others = recognized.count - chosen.count
            return (chosen, "页面共有\(total)个表格，\(describe(chosen))被识别为目录"
                        + (others > 0 ? "；另有\(others)个表格的表头不同，未导入" : ""))
        }
        let plausible = grids.indices.filter { grids[$0].width >= 4 && grids[$0].filledRows >= 3 }
        guard let best = plausible.max(by: { (grids[$0].filledRows * grids[$0].width, $1) < (grids[$1].filledRows * grids[$1].width, $0) }) else {
            throw ImportError.notACatalog(fileName, reason: "网页中有\(total)个表格，但都不像主动公开目录（没有“公开事项”“公开内容”等表头）")
        }
        return ([best], "页面共有\(total)个表格，都没有可识别的表头；\(describe([best]))最像目录")
    }

    /// One `<table>` with rowspan and colspan expanded: covered cells are empty and marked merged.
    struct Grid {
        var rows: [[SourceCell]] = []
        var width = 0
        /// The first header row, when one of the first rows is a header.
        var header: Int?

        init(_ table: HTMLElement) {
            let trs = Self.rows(of: table)
            var grid: [[SourceCell?]] = Array(repeating: [], count: trs.count)
            for (r, tr) in trs.enumerated() {
                var c = 0
                for td in Self.cells(of: tr) {
                    while c < grid[r].count, grid[r][c] != nil { c += 1 }
                    let rowspan = Self.span(td.attribute("rowspan"), zeroMeans: trs.count - r, limit: trs.count - r)
                    let colspan = Self.span(td.attribute("colspan"), zeroMeans: 1, limit: 1000)
                    let text = HTMLText.cellText(td)
                    for dr in 0..<rowspan {
                        for dc in 0..<colspan {
                            let cell = dr == 0 && dc == 0 ? SourceCell(text) : SourceCell("", mergedFromAbove: dr > 0, mergedFromLeft: dc > 0)
                            if grid[r + dr].count <= c + dc { grid[r + dr] += Array(repeating: nil, count: c + dc + 1 - grid[r + dr].count) }
                            grid[r + dr][c + dc] = cell
                        }
                    }
                    c += colspan
                }
            }
            width = grid.map(\.count).max() ?? 0
            rows = grid.map { row in row.map { $0 ?? SourceCell("") } + Array(repeating: SourceCell(""), count: width - row.count) }
            header = rows.prefix(10).firstIndex { HeaderReader.isHeader($0.map(\.text)) }
        }

        var filledRows: Int { rows.filter { $0.contains { !$0.text.allSatisfy(\.isWhitespace) } }.count }

        /// Rows below the header (and below a second header row) that have text.
        var dataRows: Int {
            guard let header else { return 0 }
            return rows[(header + 1)...].enumerated().filter { offset, row in
                row.contains { !$0.text.allSatisfy(\.isWhitespace) }
                    && !(offset == 0 ? HeaderReader.isSubHeader(row.map(\.text)) : HeaderReader.isHeader(row.map(\.text)))
            }.count
        }

        var signature: [String] { header.map { HeaderReader.signature(rows[$0].map(\.text)) } ?? [] }

        private static func span(_ value: String?, zeroMeans: Int, limit: Int) -> Int {
            guard let value, let number = Int(value.trimmed.prefix { $0.isASCII && $0.isNumber }) else { return 1 }
            return min(max(number == 0 ? zeroMeans : number, 1), max(limit, 1))
        }

        /// The rows of this table, not of tables nested in its cells.
        private static func rows(of element: HTMLElement) -> [HTMLElement] {
            element.elements.flatMap { child -> [HTMLElement] in
                switch child.name {
                case "tr": [child]
                case "table", "td", "th": []
                default: rows(of: child)
                }
            }
        }

        private static func cells(of element: HTMLElement) -> [HTMLElement] {
            element.elements.flatMap { child -> [HTMLElement] in
                switch child.name {
                case "td", "th": [child]
                case "table", "tr": []
                default: cells(of: child)
                }
            }
        }
    }
}
