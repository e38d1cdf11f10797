import Foundation
import GongkaiCore

struct InterpretedTable {
    var rows: [LevelResolver.Resolved]
    var hasResponsibleColumn: Bool
    var notes: [String]
    var firstLine: Int
    var layout: TableLayout
}

/// Interprets one table: column roles from its header (or guessed), then rows → records →
/// continuations merged → category paths → cells carried down.
struct TableInterpreter {
    let document: SourceDocument
    let fileName: String

    private static let footnote = try! NSRegularExpression(pattern: #"\n\s*\n\s*((?:注|说明|备注)\s*[:：][\s\S]*)$"#)

    func interpret(_ table: TableSlice, choices: ReadingChoices? = nil, diagnostics: inout [ImportDiagnostic]) throws -> InterpretedTable {
        let table = choices?.headerRows.map(table.withHeaderRows) ?? table
        let firstLine = table.rows.first?.row.first ?? 0
        var roles: [ColumnRole]
        if let preset = table.roles {
            roles = preset
        } else if let top = table.top {
            roles = HeaderReader.roles(top: top, sub: table.sub, exactColumns: document.exactColumns)
            if let renumbered = HeaderReader.renumberingLevels(roles) {
                let count = renumbered.filter { if case .level = $0 { true } else { false } }.count
                diagnostics.append(.init(.inference, .columnGuessed, first: firstLine,
                    "表头的\(count)个名称列级别重复或不连续（如“类别”和“一级”），按从左到右依次作为一级至\(ColumnRole.level(count).label.prefix(2))"))
                roles = renumbered
            }
            // A column staff gave a role is no unrecognised column.
            let unknown = roles.enumerated().filter { choices?.columnRoles[$0.offset + 1] == nil }.compactMap { column -> String? in
                if case .unknown(let label) = column.element, !label.isEmpty, !label.hasSuffix("（续）") { return label }
                return nil
            }
            if !unknown.isEmpty {
                diagnostics.append(.init(.warning, .unknownColumn, first: firstLine,
                    "无法识别的表头：\(unknown.joined(separator: "、"))；这些列的内容记入备注"))
            }
        } else {
            let width = mostCommonWidth(table.rows.map(\.row))
            roles = ColumnGuesser.guessRoles(table.rows.map { $0.row.cells.map(\.text) }, width: width)
            diagnostics.append(.init(.ambiguous, .columnGuessed, first: firstLine,
                "没有找到表头，按内容推断各列：" + roles.enumerated().map { "第\($0.offset + 1)列为“\($0.element.label)”" }.joined(separator: "，")))
        }
        var layout = TableLayout(headerRows: table.headerRows.map { $0.cells.map(\.text) }, rows: table.rows.map { $0.row.cells.map(\.text) },
                                 roles: roles, firstLine: table.headerRows.first?.first ?? firstLine)
        let guessed = roles
        if let choices {
            if let count = choices.headerRows {
                diagnostics.append(.init(.inference, .structure, first: layout.firstLine,
                    count == 0 ? "按人工指定，本表没有表头行" : "按人工指定，本表前\(count)行为表头"))
            }
            (roles, layout.chosen) = ChosenColumns.apply(choices.columnRoles, to: roles, layout: layout, diagnostics: &diagnostics)
            layout.roles = roles
        }
        let levelCount = roles.compactMap { role -> Int? in if case .level(let n) = role { return n }; return nil }.max() ?? 0
        guard levelCount > 0 else {
            throw ImportError.notACatalog(fileName, reason: "表格没有“公开事项/一级事项/一级指标”之类的名称列")
        }

        var notes: [String] = []
        // An ignored column still places the cells of short rows by what it holds.
        let ignored = Set(roles.indices.filter { roles[$0] == .ignored })
        let placing = roles.indices.map { ignored.contains($0) && $0 < guessed.count ? guessed[$0] : roles[$0] }
        var builder = RecordBuilder(roles: placing, exactColumns: document.exactColumns, levelCount: levelCount)
        builder.missingCellsAreRowspans = document.missingCellsAreRowspans
        builder.chosenColumns = layout.chosen
        builder.ignoredColumns = ignored
        var records: [RowRecord] = []
        for (index, (row, pageBreak)) in table.rows.enumerated() {
            builder.startTruncated = index == 0 && document.startTruncated
            let row = extractingFootnotes(row, into: &notes, diagnostics: &diagnostics)
            records.append(builder.build(row, pageBreakBefore: pageBreak, diagnostics: &diagnostics))
        }
        records = ContinuationMerger.merge(records, diagnostics: &diagnostics)
        reportDuplicateNumbers(records, diagnostics: &diagnostics)
        var resolved = LevelResolver(levelCount: levelCount).resolve(records, diagnostics: &diagnostics)
        resolved = CarryDown.apply(resolved, inferMerges: !document.recordsMerges,
                                   outerFields: outerFields(roles), diagnostics: &diagnostics)
        return InterpretedTable(rows: resolved, hasResponsibleColumn: roles.contains(.responsible),
                                notes: notes, firstLine: firstLine, layout: layout)
    }

    private func outerFields(_ roles: [ColumnRole]) -> Set<Field> {
        guard let firstLevel = roles.firstIndex(where: { if case .level = $0 { true } else { false } }) else { return [] }
        return Set(roles[..<firstLevel].compactMap(Field.init))
    }

    private func mostCommonWidth(_ rows: [SourceRow]) -> Int {
        var counts: [Int: Int] = [:]
        for row in rows { counts[row.cells.count, default: 0] += 1 }
        return counts.max { ($0.value, $0.key) < ($1.value, $1.key) }?.key ?? 0
    }

    /// A "注：…" paragraph after a blank line at the end of a cell belongs to the whole catalog.
    private func extractingFootnotes(_ row: SourceRow, into notes: inout [String], diagnostics: inout [ImportDiagnostic]) -> SourceRow {
        var row = row
        for index in row.cells.indices {
            let text = row.cells[index].text
            guard text.includes("注") || text.includes("说明") else { continue }
            let range = NSRange(text.startIndex..., in: text)
            guard let match = Self.footnote.firstMatch(in: text, range: range),
                  let whole = Range(match.range, in: text), let note = Range(match.range(at: 1), in: text) else { continue }
            notes.append(String(text[note]))
            row.cells[index].text = String(text[..<whole.lowerBound])
            diagnostics.append(.init(.inference, .noteExtracted, first: row.first, last: row.last,
                "单元格末尾的“\(text[note].prefix(12))…”是全表的注释，已移到目录备注"))
        }
        return row
    }

    private func reportDuplicateNumbers(_ records: [RowRecord], diagnostics: inout [ImportDiagnostic]) {
        var seen: [String: Int] = [:]
        for record in records where !record.sequence.isEmpty {
            if let earlier = seen[record.sequence] {
                diagnostics.append(.init(.ambiguous, .duplicateNumber, first: record.first, last: record.last,
                    "序号\(record.sequence)与第\(earlier)行重复；两行分别作为事项导入"))
            } else {
                seen[record.sequence] = record.first
            }
        }
    }
}
