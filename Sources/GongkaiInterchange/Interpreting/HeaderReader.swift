import GongkaiCore

/// Recognises header rows and turns a one- or two-row header into column roles.
enum HeaderReader {
    /// A header row names at least three known columns, and most of its labels are known.
    static func isHeader(_ cells: [String]) -> Bool {
        let labels = cells.map { $0.filter { !$0.isWhitespace } }.filter { !$0.isEmpty }
        let known = labels.filter { ColumnRole.recognize($0) != nil }.count
        return known >= 3 && known * 3 >= labels.count * 2
    }

    /// The row under a header that splits some of its columns (公开事项 → 一级事项 | 二级事项): a header itself, or
    /// a row whose every label is a sub-label of a family, when only two or three columns are split.
    static func isSubHeader(_ cells: [String]) -> Bool {
        if isHeader(cells) { return true }
        let labels = cells.map { $0.filter { !$0.isWhitespace } }.filter { !$0.isEmpty }
        return labels.count >= 2 && labels.allSatisfy { ColumnRole.recognize($0)?.family != nil }
    }

    /// Normalized labels, used to recognise a header repeated after a page break.
    static func signature(_ cells: [String]) -> [String] {
        cells.map { $0.filter { !$0.isWhitespace } }.filter { !$0.isEmpty }
    }

    static func roles(top: [String], sub: [String]?, exactColumns: Bool) -> [ColumnRole] {
        guard let sub else { return singleRow(top) }
        if exactColumns || top.count == sub.count { return aligned(top: top, sub: sub) }
        if let roles = expanded(top: top, sub: sub) { return roles }
        return collapsed(top: top, sub: sub)
    }

    /// Level columns renumbered left to right where their labels repeat or skip a level: with 类别 | 一级 | 二级,
    /// 类别 is the top level and the numbered ones follow. Nil when the levels already run 1, 2, 3….
    static func renumberingLevels(_ roles: [ColumnRole]) -> [ColumnRole]? {
        let levels = roles.compactMap { role -> Int? in if case .level(let n) = role { n } else { nil } }
        guard !levels.isEmpty, levels != Array(1...levels.count) else { return nil }
        var next = 0
        return roles.map { role in
            guard case .level = role else { return role }
            next += 1
            return .level(next)
        }
    }

    /// A header copied from a web page: the second row lists only the sub-labels (一级事项 | 二级事项 | 全社会 |
    /// 特定对象 | 市级 | 区级 | 街镇级), since the cells spanning both rows appear once, in the first.
    /// Each top label whose family the next sub-labels share is replaced by them. Nil when the rows do not
    /// have that shape (a sub-row with empty cells, or labels that find no parent).
    private static func expanded(top: [String], sub: [String]) -> [ColumnRole]? {
        let subRoles = sub.map { ColumnRole.recognize($0.filter { !$0.isWhitespace }) }
        guard subRoles.allSatisfy({ $0?.family != nil }) else { return nil }
        var roles: [ColumnRole] = []
        var next = 0
        for raw in top {
            let label = raw.filter { !$0.isWhitespace }
            let role = ColumnRole.recognize(label) ?? .unknown(label)
            guard let family = role.family, next < subRoles.count, subRoles[next]?.family == family else {
                roles.append(role)
                continue
            }
            while next < subRoles.count, let subRole = subRoles[next], subRole.family == family {
                roles.append(subRole)
                next += 1
            }
        }
        return next == subRoles.count ? roles : nil
    }

    private static func singleRow(_ labels: [String]) -> [ColumnRole] {
        var roles: [ColumnRole] = []
        for label in labels {
            roles.append(ColumnRole.recognize(label) ?? .unknown(label.filter { !$0.isWhitespace }))
        }
        return roles
    }

    /// Both rows have a cell per column (TSV, spreadsheets): a sub-label wins over its parent,
    /// and an empty top cell continues the span of the label to its left.
    private static func aligned(top: [String], sub: [String]) -> [ColumnRole] {
        var roles: [ColumnRole] = []
        var spanning: String?
        for index in 0..<max(top.count, sub.count) {
            let upper = index < top.count ? top[index].filter { !$0.isWhitespace } : ""
            let lower = index < sub.count ? sub[index].filter { !$0.isWhitespace } : ""
            if !upper.isEmpty { spanning = upper }
            if let role = ColumnRole.recognize(lower) {
                roles.append(role)
            } else if !upper.isEmpty {
                roles.append(ColumnRole.recognize(upper) ?? .unknown(upper))
            } else {
                roles.append(.unknown(spanning.map { "\($0)（续）" } ?? ""))
            }
        }
        return roles
    }

    /// A text dump of a Word header: spanning top cells appear once, so each run of sub-labels
    /// belongs to the next top label whose family it shares.
    private static func collapsed(top: [String], sub: [String]) -> [ColumnRole] {
        var roles: [ColumnRole] = []
        var topIndex = 0
        func topRole() -> ColumnRole? {
            guard topIndex < top.count else { return nil }
            return ColumnRole.recognize(top[topIndex])
        }
        for (index, raw) in sub.enumerated() {
            let lower = raw.filter { !$0.isWhitespace }
            guard let role = ColumnRole.recognize(lower) else {
                let upper = topIndex < top.count ? top[topIndex].filter { !$0.isWhitespace } : ""
                roles.append(ColumnRole.recognize(upper) ?? .unknown(upper))
                topIndex += 1
                continue
            }
            roles.append(role)
            let next = index + 1 < sub.count ? ColumnRole.recognize(sub[index + 1].filter { !$0.isWhitespace }) : nil
            let parentFamily = topRole()?.family
            if next == nil || next?.family != role.family || (parentFamily != nil && parentFamily != role.family) {
                topIndex += 1
            }
        }
        return roles
    }
}
