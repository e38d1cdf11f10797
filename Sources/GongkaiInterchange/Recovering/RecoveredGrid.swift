import GongkaiCore

/// A recovered table as a grid of cells, one column per column of its header (the path spread over one column
/// per level, each group of mark columns as one text column): what the import preview shows for text copied
/// from a page, and what staff's choices re-read, since a recovered reading has no cells of its own.
enum RecoveredGrid {
    struct Column {
        var label: String
        var role: ColumnRole
        var value: (LevelResolver.Resolved) -> String
    }

    static func layout(_ table: RecoveredTable, lostRoles: [Int: Field], rows: [LevelResolver.Resolved], firstLine: Int) -> TableLayout {
        let columns = columns(table, lostRoles: lostRoles, rows: rows)
        return TableLayout(headerRows: [columns.map(\.label)], rows: rows.map { row in columns.map { $0.value(row) } },
                           roles: columns.map(\.role), firstLine: firstLine)
    }

    private static func columns(_ table: RecoveredTable, lostRoles: [Int: Field], rows: [LevelResolver.Resolved]) -> [Column] {
        var columns: [Column] = []
        var fields: Set<Field> = []
        let extras = table.header.slots.compactMap { slot -> String? in if case .extra(let label) = slot { label } else { nil } }
        func add(_ field: Field) {
            guard fields.insert(field).inserted else { return }
            let value: (LevelResolver.Resolved) -> String = field == .remarks
                ? { remarks($0.record.value(.remarks), extras: extras)[""] ?? "" } : { $0.record.value(field) }
            columns.append(Column(label: field.label, role: field.columnRole, value: value))
        }
        for (index, slot) in table.header.slots.enumerated() {
            switch slot {
            case .sequence:
                columns.append(Column(label: "序号", role: .sequence, value: { $0.record.sequence }))
            case .path:
                if rows.contains(where: { $0.path.last?.code != nil }) {
                    columns.append(Column(label: "目录编码", role: .code, value: { $0.path.last?.code ?? "" }))
                }
                for level in 1...max(rows.map(\.path.count).max() ?? 1, 1) {
                    columns.append(Column(label: ColumnRole.level(level).label, role: .level(level),
                                          value: { level <= $0.path.count ? $0.path[level - 1].name : "" }))
                }
            case .field(let field): add(field)
            case .marks(let marks):
                for family in unique(marks.map(\.family)) {
                    switch family {
                    case .audience: add(.audience)
                    case .mode: add(.mode)
                    case .tier: add(.tier)
                    case .stage: add(.stage)
                    }
                }
            case .extra(let label):
                columns.append(Column(label: label, role: .unknown(label),
                                      value: { remarks($0.record.value(.remarks), extras: extras)[label] ?? "" }))
            case .unknown: if let field = lostRoles[index] { add(field) }
            case .padding: break
            }
        }
        for field in Field.allCases where field != .remarks && rows.contains(where: { !$0.record.value(field).isEmpty }) { add(field) }
        if rows.contains(where: { !(remarks($0.record.value(.remarks), extras: extras)[""] ?? "").isEmpty }) { add(.remarks) }
        return columns
    }

    /// The reading keeps the cells of columns no catalog template names as "label：value" lines of the remarks:
    /// each such column's value by its label, the rest of the remarks under "".
    static func remarks(_ text: String, extras: [String]) -> [String: String] {
        var values: [String: [Substring]] = [:]
        var current = ""
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if let label = extras.first(where: { line.hasPrefix("\($0)：") }) {
                current = label
                values[label, default: []].append(line.dropFirst(label.count + 1))
            } else {
                values[current, default: []].append(line)
            }
        }
        return values.mapValues { $0.joined(separator: "\n") }.filter { !$0.value.isEmpty }
    }
}
