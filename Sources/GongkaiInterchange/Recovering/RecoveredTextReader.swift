import GongkaiCore

/// Reads a catalog table from text copied from a government page, whatever became of its cells: bars,
/// one cell per line or paragraph, or spaces. The result feeds the same item and tree building as every
/// other reader.
enum RecoveredTextReader {
    struct Reading {
        /// The text before each table (its title), line by line.
        var headings: [[(text: String, line: Int)]]
        var tables: [InterpretedTable]
        var layout: TextLayout
        var format: String
        var diagnostics: [ImportDiagnostic]
    }

    static func read(_ lines: [Substring], choices: ReadingChoices?, fileName: String) throws -> Reading? {
        let layout = TextFragments.layout(of: lines)
        return try read(TextFragments.fragments(lines, layout: layout), layout: layout, format: layout.label, choices: choices, fileName: fileName)
    }

    /// With `choices`, each table is read again from its grid of cells with staff's column roles and header rows.
    static func read(_ fragments: [TextFragment], layout: TextLayout, format: String, choices: ReadingChoices?,
                     fileName: String) throws -> Reading? {
        guard let tables = TableRecovery.recover(fragments, layout: layout) else { return nil }
        var diagnostics: [ImportDiagnostic] = []
        let headings = tables.map { table in
            var byLine: [(text: String, line: Int)] = []
            for fragment in fragments[table.headings] where !fragment.isBlank {
                let text = fragment.text.trimmed
                if let last = byLine.last, last.line == fragment.first { byLine[byLine.count - 1].text += " " + text }
                else { byLine.append((text, fragment.first)) }
            }
            return byLine
        }
        var interpreted: [InterpretedTable] = []
        for table in tables {
            let firstLine = fragments[table.header.start].first
            let lastHeaderLine = fragments[max(table.header.end - 1, table.header.start)].last
            diagnostics.append(.init(.inference, .columnGuessed, first: firstLine, last: lastHeaderLine,
                "按\(format)读取表格，各列为：" + table.header.slots.filter { $0 != .padding }.map(\.label).joined(separator: "｜")))
            for note in table.header.notes { diagnostics.append(.init(.inference, .structure, first: firstLine, note)) }
            for line in table.repeatedHeaders {
                diagnostics.append(.init(.inference, .headerRepeated, first: line, "重复的表头，已略过"))
            }
            let builder = RecoveredRecords(table: table, fragments: fragments, layout: layout)
            for (index, role) in builder.lostRoles.sorted(by: { $0.key < $1.key }) {
                diagnostics.append(.init(.ambiguous, .columnGuessed, first: firstLine,
                    "表头第\(index + 1)栏\(table.header.slots[index].label)，按单元格内容判断为“\(role.label)”"))
            }
            reportMissingColumns(table.header.slots, found: Set(builder.lostRoles.values), line: firstLine, diagnostics: &diagnostics)
            let rows = builder.records(diagnostics: &diagnostics)
            let grid = RecoveredGrid.layout(table, lostRoles: builder.lostRoles, rows: rows, firstLine: firstLine)
            let read = InterpretedTable(rows: rows, hasResponsibleColumn: table.header.slots.contains(.field(.responsible)),
                                        notes: [], firstLine: firstLine, layout: grid)
            interpreted.append(try choices.map { try RecoveredGrid.reread(read, choices: $0, fileName: fileName, diagnostics: &diagnostics) } ?? read)
        }
        return Reading(headings: headings, tables: interpreted, layout: layout, format: format, diagnostics: diagnostics)
    }

    /// A column the table does not have stays empty on every item: said once, never filled from a neighbour.
    private static func reportMissingColumns(_ slots: [Slot], found: Set<Field>, line: Int, diagnostics: inout [ImportDiagnostic]) {
        let present = found.union(slots.compactMap { if case .field(let field) = $0 { field } else { nil } })
        let missing = [Field.legalBasis, .deadline, .publisher, .channel].filter { !present.contains($0) }
        guard !missing.isEmpty else { return }
        diagnostics.append(.init(.warning, .structure, first: line,
            "表格没有“\(missing.map(\.label).joined(separator: "”“"))”列，这些字段留空"))
    }
}
