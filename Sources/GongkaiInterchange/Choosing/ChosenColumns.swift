import GongkaiCore

/// Staff's column roles laid over the importer's own: a chosen role wins, and a column the importer had given
/// that same role is read as an unrecognised column (its text kept in the remarks), so no role comes from two columns.
enum ChosenColumns {
    static func apply(_ choices: [Int: ChosenRole], to guessed: [ColumnRole], layout: TableLayout,
                      diagnostics: inout [ImportDiagnostic]) -> (roles: [ColumnRole], chosen: Set<Int>) {
        var roles = guessed
        var chosen: Set<Int> = []
        var missing: [Int] = []
        for (number, choice) in choices.sorted(by: { $0.key < $1.key }) {
            let column = number - 1
            guard column < layout.width else { missing.append(number); continue }
            while roles.count <= column { roles.append(.unknown("")) }
            roles[column] = choice.columnRole
            chosen.insert(column)
        }
        let line = layout.firstLine
        if !chosen.isEmpty {
            diagnostics.append(.init(.inference, .columnGuessed, first: line, "各列角色按人工指定：" + chosen.sorted().map {
                "第\($0 + 1)列为“\(roles[$0].label)”"
            }.joined(separator: "，") + (chosen.count < roles.count ? "；其余列按表头或内容推断" : "")))
        }
        for column in roles.indices where !chosen.contains(column) {
            let role = roles[column]
            guard let option = ChosenRole(role), !option.mayRepeat, chosen.contains(where: { roles[$0] == role }) else { continue }
            let header = layout.header(of: column)
            roles[column] = .unknown(header.isEmpty ? "第\(column + 1)列" : header)
            diagnostics.append(.init(.inference, .columnGuessed, first: line,
                "第\(column + 1)列原按表头或内容读作“\(role.label)”，该角色已人工指定给其他列，本列内容改记入备注"))
        }
        if !missing.isEmpty {
            diagnostics.append(.init(.warning, .structure, first: line,
                "人工指定的" + missing.map { "第\($0)列" }.joined(separator: "、") + "不存在（表格只有\(layout.width)列），已忽略"))
        }
        return (roles, chosen)
    }
}
