import GongkaiCore

/// Turns one source row into a RowRecord: cells placed into columns, text cleaned, artifacts dropped,
/// codes and legend marks taken out of names. Every change is reported.
struct RecordBuilder {
    let roles: [ColumnRole]
    let exactColumns: Bool
    let levelCount: Int
    /// The reader found the file starting in the middle of a row.
    var startTruncated = false
    /// Short rows lack the cells of rowspans above them (SourceDocument.missingCellsAreRowspans).
    var missingCellsAreRowspans = false
    /// Columns whose role staff chose: no cell moves into or out of them, however little it looks the part.
    var chosenColumns: Set<Int> = []
    /// Columns staff left out (忽略): `roles` holds what they were read as, to place the cells of short rows.
    var ignoredColumns: Set<Int> = []
    /// The columns the previous short row lacked and those it left empty, for rows copied from web pages.
    private var previousMissing: Set<Int> = []
    private var previousEmpty: Set<Int> = []

    private static let checkMarks: Set<String> = ["√", "✓", "✔", "●", "是", "☑", "■", "þ", "☒"]
    /// Empty checkboxes and "no" marks in flag columns: the flag is not set, and nothing is worth a warning.
    static let uncheckedMarks: Set<String> = ["□", "☐", "¨", "○", "否", "×", "✗"]

    init(roles: [ColumnRole], exactColumns: Bool, levelCount: Int) {
        self.roles = roles
        self.exactColumns = exactColumns
        self.levelCount = levelCount
    }

    mutating func build(_ row: SourceRow, pageBreakBefore: Bool, diagnostics: inout [ImportDiagnostic]) -> RowRecord {
        var record = RowRecord(first: row.first, last: row.last, pageBreakBefore: pageBreakBefore,
                               names: Array(repeating: nil, count: levelCount))
        let placed = place(row, diagnostics: &diagnostics)
        var cleanedFields: [String] = []
        var artifacts = false
        var extracted: [String] = []

        for (column, cell) in placed where !ignoredColumns.contains(column) {
            let role = roles[column]
            let raw = cell.text
            artifacts = artifacts || CellText.hasArtifacts(raw)
            if let field = Field(role) {
                if cell.mergedFromAbove { record.mergedFromAbove.insert(field) }
                if cell.mergedFromLeft { record.spanned.insert(field) }
            }
            switch role {
            case .sequence:
                record.sequence = CellText.singleLine(raw).text
            case .level(let level):
                guard level >= 1, level <= levelCount else { continue }
                let name = NameCell.parse(raw)
                if !name.name.isEmpty || name.code != nil {
                    record.names[level - 1] = name
                    if let code = name.code { extracted.append("编码\(code)") }
                    if let marks = name.marks { extracted.append("标记“\(marks)”") }
                    if CellText.singleLine(raw).spacesRemoved { cleanedFields.append(role.label) }
                }
            case .code:
                let code = CellText.singleLine(raw).text
                if !code.isEmpty { record.codeColumn = code }
            case .stageFlag, .audienceFlag, .modeFlag, .tierFlag:
                let mark = raw.filter { !$0.isWhitespace }
                guard !mark.isEmpty, !Self.uncheckedMarks.contains(mark), let field = Field(role) else { continue }
                if Self.checkMarks.contains(mark) {
                    append(role.label, to: field, in: &record, separator: "、")
                } else {
                    append("\(role.label)：\(mark)", to: .remarks, in: &record, separator: "\n")
                    diagnostics.append(.init(.warning, .unreadable, first: row.first, last: row.last,
                        "“\(role.label)”列应为勾选符号，实际为“\(mark)”，已记入备注"))
                }
            case .channel:
                let text = CellText.removingArtifacts(raw).trimmed
                if !text.isEmpty { append(text, to: .channel, in: &record, separator: "\n") }
            case .content, .legalBasis, .remarks:
                let (text, removed) = CellText.clean(raw)
                if removed { cleanedFields.append(role.label) }
                if !text.isEmpty, let field = Field(role) { append(text, to: field, in: &record, separator: "\n") }
            case .unknown(let label):
                let (text, _) = CellText.clean(raw)
                if !text.isEmpty {
                    append(label.isEmpty ? text : "\(label)：\(text)", to: .remarks, in: &record, separator: "\n")
                }
            default:
                let (text, removed) = CellText.singleLine(raw)
                if removed { cleanedFields.append(role.label) }
                if !text.isEmpty, let field = Field(role) { append(text, to: field, in: &record, separator: "、") }
            }
        }
        if artifacts {
            diagnostics.append(.init(.inference, .artifactDropped, first: row.first, last: row.last,
                                     "删除了 Word 转换残留的书签标记（[bookmark: …]）"))
        }
        if !cleanedFields.isEmpty {
            diagnostics.append(.init(.inference, .spacesRemoved, first: row.first, last: row.last,
                "删除了中文字符间因换行或排版产生的空格：\(unique(cleanedFields).joined(separator: "、"))"))
        }
        if !extracted.isEmpty {
            diagnostics.append(.init(.inference, .codeExtracted, first: row.first, last: row.last,
                "从名称单元格中分离出\(extracted.joined(separator: "、"))"))
        }
        return record
    }

    private func append(_ text: String, to field: Field, in record: inout RowRecord, separator: String) {
        if let existing = record.values[field], !existing.isEmpty {
            record.values[field] = existing + separator + text
        } else {
            record.values[field] = text
        }
    }

    /// Pairs each cell with its column. Short dump rows are aligned by content; extra cells are kept as remarks.
    private mutating func place(_ row: SourceRow, diagnostics: inout [ImportDiagnostic]) -> [(Int, SourceCell)] {
        var cells = row.cells
        if missingCellsAreRowspans {
            while cells.count > roles.count, cells.last?.text.allSatisfy(\.isWhitespace) == true { cells.removeLast() }
            if cells.count < roles.count, !cells.isEmpty,
               let placement = RowspanAligner.align(cells.map(\.text), to: roles, levelCount: levelCount,
                                                   previousMissing: previousMissing, previousEmpty: previousEmpty) {
                let missing = placement.missing.map { "“\(roles[$0].label)”" }.joined()
                diagnostics.append(.init(placement.margin >= 1 ? .inference : .ambiguous, .mergedCell, first: row.first, last: row.last,
                    "本行只有\(cells.count)个单元格（表格为\(roles.count)列），按内容推断缺少的\(missing)是上方合并单元格（网页复制时不重复），沿用上一行"))
                previousMissing = Set(placement.missing)
                previousEmpty = Set(zip(placement.columns, cells).filter { $0.1.text.allSatisfy(\.isWhitespace) }.map(\.0))
                return zip(placement.columns, cells).map { ($0, $1) } + placement.missing.map { ($0, SourceCell("", mergedFromAbove: true)) }
            }
            previousMissing = []
            previousEmpty = Set(cells.indices.filter { cells[$0].text.allSatisfy(\.isWhitespace) })
        }
        while cells.count > roles.count, cells.last?.text.allSatisfy(\.isWhitespace) == true { cells.removeLast() }
        if cells.count > roles.count, let trimmed = droppingStrayEmptyCells(cells) {
            diagnostics.append(.init(.ambiguous, .columnGuessed, first: row.first, last: row.last,
                "本行比表头多\(cells.count - roles.count)个空单元格，删去第\(trimmed.start + 1)个起的空单元格后各列内容才对得上"))
            cells = trimmed.cells
        }
        if cells.count > roles.count {
            let extra = cells[roles.count...].map(\.text).filter { !$0.allSatisfy(\.isWhitespace) }
            diagnostics.append(.init(.warning, .structure, first: row.first, last: row.last,
                "本行有\(cells.count)个单元格，多于表头的\(roles.count)列；多出的内容“\(extra.joined(separator: " "))”记入备注"))
            let overflow = SourceCell(extra.joined(separator: "\n"))
            cells = Array(cells.prefix(roles.count))
            return cells.enumerated().map { ($0.offset, $0.element) } + [(roles.firstIndex(of: .remarks) ?? roles.count - 1, overflow)]
        }
        if cells.count == roles.count, exactColumns, let shifted = droppingStrayEmptyCells(cells + [SourceCell("")], margin: 4) {
            diagnostics.append(.init(.ambiguous, .columnGuessed, first: row.first, last: row.last,
                "本行第\(shifted.start + 1)个单元格是多余的空单元格，其后各列错后一列；删去后各列内容才对得上"))
            cells = shifted.cells
        }
        if cells.count == roles.count || exactColumns || cells.isEmpty {
            return repairingMisplacedCells(cells, row: row, diagnostics: &diagnostics)
        }
        if startTruncated {
            diagnostics.append(.init(.ambiguous, .truncatedStart, first: row.first, last: row.last,
                "本行只有\(cells.count)个单元格（表格为\(roles.count)列），文件开头不完整，按右对齐处理；名称可能不完整"))
            return cells.enumerated().map { ($0.offset + roles.count - cells.count, $0.element) }
        }
        let (columns, gapStart, gap) = ColumnGuesser.align(cells.map(\.text), to: roles)
        let missing = roles[gapStart..<(gapStart + gap)].map(\.label).joined(separator: "、")
        if gapStart == 0 {
            diagnostics.append(.init(.ambiguous, .truncatedStart, first: row.first, last: row.last,
                "本行只有\(cells.count)个单元格（表格为\(roles.count)列），缺少最左侧的“\(missing)”，按右对齐处理；名称可能不完整"))
            return zip(columns, cells).map { ($0, $1) }
        }
        diagnostics.append(.init(.ambiguous, .columnGuessed, first: row.first, last: row.last,
            "本行只有\(cells.count)个单元格（表格为\(roles.count)列），按内容推断“\(roles[gapStart - 1].label)”单元格横向合并了“\(missing)”列，这些列留空"))
        var result = zip(columns, cells).map { ($0, $1) }
        for column in gapStart..<(gapStart + gap) {
            result.append((column, SourceCell("", mergedFromLeft: true)))
        }
        return result
    }
}

extension RecordBuilder {
    /// A row with extra empty cells (a stray TAB): drop the run of empty cells whose removal fits best.
    func droppingStrayEmptyCells(_ cells: [SourceCell], margin: Double = 0) -> (cells: [SourceCell], start: Int)? {
        let extra = cells.count - roles.count
        func score(_ candidate: [SourceCell]) -> Double {
            zip(candidate, roles).map { ColumnGuesser.affinity($0.text, $1) }.reduce(0, +)
        }
        let fitted = Array(cells.prefix(roles.count))
        // Only a row with a cell that misfits its column can be improved by shifting.
        guard zip(fitted, roles).contains(where: { ColumnGuesser.affinity($0.text, $1) < 0 }) else { return nil }
        let baseline = score(fitted)
        var best: (cells: [SourceCell], start: Int, score: Double)?
        for start in 0...(cells.count - extra) where cells[start..<(start + extra)].allSatisfy({ $0.text.allSatisfy(\.isWhitespace) }) {
            let candidate = Array(cells[..<start] + cells[(start + extra)...])
            let value = score(candidate)
            if value > (best?.score ?? baseline + margin) { best = (candidate, start, value) }
        }
        return best.map { ($0.cells, $0.start) }
    }

    /// In a full-width row, a description that clearly does not fit its column while the 公开内容 column
    /// next to it is empty (沂源's 权责清单 row puts it under 责任主体) is moved into 公开内容.
    func repairingMisplacedCells(_ cells: [SourceCell], row: SourceRow, diagnostics: inout [ImportDiagnostic]) -> [(Int, SourceCell)] {
        var placed = cells.enumerated().map { ($0.offset, $0.element) }
        for index in placed.indices where index < roles.count && !chosenColumns.contains(index) {
            let text = placed[index].1.text
            guard !text.allSatisfy(\.isWhitespace), ColumnGuesser.affinity(text, roles[index]) < 0 else { continue }
            for neighbour in [index - 1, index + 1] where placed.indices.contains(neighbour) && neighbour < roles.count
                    && !chosenColumns.contains(neighbour) {
                guard placed[neighbour].1.text.allSatisfy(\.isWhitespace), !placed[neighbour].1.mergedFromAbove,
                      roles[neighbour] == .content, ColumnGuesser.affinity(text, .content) > 0 else { continue }
                placed[neighbour].1.text = text
                placed[index].1.text = ""
                diagnostics.append(.init(.ambiguous, .columnGuessed, first: row.first, last: row.last,
                    "“\(roles[index].label)”列的“\(text.prefix(16))”不像该列内容，而相邻的“\(roles[neighbour].label)”列为空，已移入“\(roles[neighbour].label)”"))
                break
            }
        }
        return placed
    }
}

func unique<T: Hashable>(_ values: [T]) -> [T] {
    var seen = Set<T>()
    return values.filter { seen.insert($0).inserted }
}
