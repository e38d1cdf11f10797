import GongkaiCore

/// Recognises header rows and turns a one- or two-row header into column roles.
enum HeaderReader {
    /// A header row names at least three known columns, and most of its labels are known.
    static func isHeader(_ cells: [String]) -> Bool {
        let labels = cells.map { $0.filter { !$0.isWhitespace } }.filter { !$0.isEmpty }
        let known = labels.filter { ColumnRole.recognize($0) != nil }.count
        return known >= 3 && known * 3 >= labels.count * 2
    }

    /// Normalized labels, used to recognise a header repeated after a page break.
    static func signature(_ cells: [String]) -> [String] {
        cells.map { $0.filter { !$0.isWhitespace } }.filter { !$0.isEmpty }
    }

    static func roles(top: [String], sub: [String]?, exactColumns: Bool) -> [ColumnRole] {
        guard let sub else { return singleRow(top) }
        if exactColumns || top.count == sub.count { return aligned(top: top, sub: sub) }
        return collapsed(top: top, sub: sub)
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
