import GongkaiCore

/// Reads the text dump of a Word table: each cell is a line starting with TAB, a cell may run over
/// several lines (continuation lines have no TAB) and even contain blank lines, and rows are separated
/// by blank lines. Horizontally merged cells appear once, so rows may be short; the interpreter aligns them.
enum CellDumpReader {
    /// A dump has many lines that start with TAB and few that contain a TAB later on.
    static func recognizes(_ lines: [Substring]) -> Bool {
        let leading = lines.filter { $0.hasPrefix("\t") || $0.hasPrefix(" \t") }.count
        let inner = lines.filter { line in
            guard let tab = line.firstIndex(of: "\t") else { return false }
            return line[..<tab].contains { !$0.isWhitespace }
        }.count
        return leading >= 10 && leading > inner * 4
    }

    private struct Segment {
        var cells: [(text: String, line: Int)] = []
        var lastLine = 0
    }

    static func read(_ lines: [Substring]) -> SourceDocument {
        var diagnostics: [ImportDiagnostic] = []
        var headings: [SourceBlock] = []
        var segments: [Segment] = []
        var current = Segment()
        var pendingBlank = 0
        var started = false

        for (offset, line) in lines.enumerated() {
            let number = offset + 1
            let isBlank = line.allSatisfy(\.isWhitespace) && !line.includes("\t")
            let isCell = line.hasPrefix("\t") || line.hasPrefix(" \t")
            if !started {
                if isCell {
                    started = true
                } else if isBlank {
                    continue
                } else if line.first?.isWhitespace == true, nextIsCell(lines, after: offset) {
                    // A cell whose TAB was lost at the very start of the dump (the table begins mid-row).
                    started = true
                    diagnostics.append(.init(.inference, .truncatedStart, first: number,
                        "行首没有制表符，但紧接着是单元格，按单元格“\(line.trimmed)”处理；文件开头可能不完整"))
                    current.cells.append((String(line.drop(while: \.isWhitespace)), number))
                    current.lastLine = number
                    continue
                } else {
                    headings.append(.text(String(line), line: number))
                    continue
                }
            }
            if isBlank {
                pendingBlank += 1
                continue
            }
            if isCell {
                if pendingBlank > 0, !current.cells.isEmpty {
                    segments.append(current)
                    current = Segment()
                }
                pendingBlank = 0
                let text = line.hasPrefix(" \t") ? line.dropFirst(2) : line.dropFirst()
                current.cells.append((String(text), number))
                current.lastLine = number
            } else if current.cells.isEmpty {
                headings.append(.text(String(line), line: number))
            } else {
                // A continuation line: the cell's text wraps, keeping any blank lines it contained.
                current.cells[current.cells.count - 1].text += String(repeating: "\n", count: pendingBlank + 1) + line
                current.lastLine = number
                pendingBlank = 0
            }
        }
        if !current.cells.isEmpty { segments.append(current) }

        let width = typicalWidth(segments)
        var rows: [SourceRow] = []
        var index = 0
        while index < segments.count {
            var segment = segments[index]
            index += 1
            // A blank line inside a row: join the following segment while the row stays within the width
            // and the next segment does not open a new numbered row.
            while segment.cells.count < width, index < segments.count,
                  segment.cells.count + segments[index].cells.count <= width,
                  !startsNumberedRow(segments[index], after: segment) {
                segment.cells += segments[index].cells
                segment.lastLine = segments[index].lastLine
                index += 1
            }
            rows.append(SourceRow(cells: segment.cells.map { SourceCell($0.text) },
                                  first: segment.cells.first!.line, last: segment.lastLine))
        }
        var document = SourceDocument(blocks: headings + rows.map(SourceBlock.row), unit: .line,
                                      exactColumns: false, diagnostics: diagnostics)
        document.startTruncated = diagnostics.contains { $0.kind == .truncatedStart }
        return document
    }

    private static func nextIsCell(_ lines: [Substring], after offset: Int) -> Bool {
        offset + 1 < lines.count && lines[offset + 1].hasPrefix("\t")
    }

    /// The most common number of cells in a segment is the table's width.
    private static func typicalWidth(_ segments: [Segment]) -> Int {
        var counts: [Int: Int] = [:]
        for segment in segments { counts[segment.cells.count, default: 0] += 1 }
        return counts.max { ($0.value, $0.key) < ($1.value, $1.key) }?.key ?? 0
    }

    /// A segment that starts with a row number while the row being built already has one.
    private static func startsNumberedRow(_ next: Segment, after current: Segment) -> Bool {
        guard let first = next.cells.first?.text, let mine = current.cells.first?.text else { return false }
        return isRowNumber(first) && isRowNumber(mine)
    }

    static func isRowNumber(_ text: String) -> Bool {
        let cleaned = CellText.removingArtifacts(text).trimmed
        return !cleaned.isEmpty && cleaned.count <= 4 && cleaned.allSatisfy(\.isNumber)
    }
}
