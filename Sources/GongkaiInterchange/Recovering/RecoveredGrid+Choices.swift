import GongkaiCore

extension RecoveredGrid {
    /// A recovered table read again from its grid under staff's choices. The doubts of the first reading stay on
    /// their rows, but for those that a chosen column's cell does not look like its column: staff said it is.
    static func reread(_ table: InterpretedTable, choices: ReadingChoices, fileName: String,
                       diagnostics: inout [ImportDiagnostic]) throws -> InterpretedTable {
        let layout = table.layout
        let line = layout.firstLine
        let header = layout.headerRows.map { SourceRow(cells: $0.map { SourceCell($0) }, first: line, last: line) }
        let rows = zip(table.rows, layout.rows).map { resolved, cells in
            (row: SourceRow(cells: cells.map { SourceCell($0) }, first: resolved.record.first, last: resolved.record.last),
             pageBreakBefore: false)
        }
        let slice = TableSlice(headings: [], top: layout.headerRows.first, sub: nil, rows: rows, headerRows: header, roles: layout.roles)
        // Every cell of the grid is filled in already: what the first reading carried down is there.
        let document = SourceDocument(blocks: [], unit: .line, exactColumns: true, recordsMerges: true)
        var reread = try TableInterpreter(document: document, fileName: fileName).interpret(slice, choices: choices, diagnostics: &diagnostics)
        let chosenFields = Set(reread.layout.chosen.compactMap { Field(reread.layout.roles[$0]) }.map(\.label))
        let doubts = Dictionary(table.rows.map { ($0.record.first, $0.record.doubts) }, uniquingKeysWith: +)
        var dropped: Set<String> = []
        for index in reread.rows.indices {
            let first = reread.rows[index].record.first
            let (kept, settled) = doubts[first, default: []].partitioned {
                !($0.reason.hasSuffix(RecoveredRecords.misplaced) && chosenFields.contains($0.field))
            }
            reread.rows[index].record.doubts = kept
            dropped.formUnion(settled.map { "\(first) 存疑：\($0.field)——\($0.reason)" })
        }
        diagnostics.removeAll { $0.severity == .ambiguous && dropped.contains("\($0.first ?? 0) \($0.message)") }
        return reread
    }
}

private extension Array {
    func partitioned(_ keep: (Element) -> Bool) -> (kept: [Element], rest: [Element]) {
        (filter(keep), filter { !keep($0) })
    }
}
