import Foundation
import GongkaiCore

/// Guesses from cell text which column a value belongs to: for tables without a header,
/// and for dump rows that lost cells to horizontal merges or to a cut-off start.
enum ColumnGuesser {
    private static let deadlineWords = ["工作日", "之日起", "日内", "日前", "前公开", "及时", "即时", "同步", "动态", "每年",
                                        "每季度", "每半年", "每月", "月底", "季度", "时间公开", "定期", "实时"]
    private static let unitSuffixes = ["科", "室", "局", "中心", "处", "办", "单位", "部门", "委", "股", "队", "所", "站",
                                       "院", "部", "校", "园", "会", "馆"]
    private static let channelWords = ["网站", "门户", "平台", "公报", "两微一端", "■", "□", "☑", "☐", "þ", "<input", "政务服务", "公示栏"]

    /// How well a cell's text fits a column role: positive fits, negative does not, empty is neutral.
    static func affinity(_ raw: String, _ role: ColumnRole) -> Double {
        let text = raw.trimmed
        if text.isEmpty { return 0 }
        switch role {
        case .sequence:
            return CellDumpReader.isRowNumber(text) ? 3 : -2
        case .level:
            if CellDumpReader.isRowNumber(text) { return -1 }
            return text.count <= 30 && !text.includes("。") && !text.includes("《") ? 1 : -1
        case .code:
            return text.count == 6 && text.allSatisfy(\.isNumber) ? 3 : -2
        case .content:
            return text.count >= 6 ? 1 : 0.3
        case .legalBasis:
            return text.includes("《") || text.includes("条例") || text.includes("办法") ? 3 : -1
        case .deadline:
            return text.count <= 120 && deadlineWords.contains(where: text.includes) ? 3 : -1
        case .publisher, .responsible:
            let parts = text.split(whereSeparator: { "、，,/／\n".contains($0) })
            let units = parts.filter { part in unitSuffixes.contains { part.hasSuffix($0) } }
            return text.count <= 40 && !parts.isEmpty && units.count == parts.count ? 2 : -1
        case .channel:
            return channelWords.contains { text.includes($0) } || text.hasSuffix("公开") ? 3 : -1
        case .stageFlag, .audienceFlag, .modeFlag, .tierFlag:
            if ["√", "✓", "✔", "●", "是", "☑", "■", "þ", "☒"].contains(text) { return 2 }
            return RecordBuilder.uncheckedMarks.contains(text) ? 1 : -2
        case .stageText:
            return Stage.parse(text) != nil ? 3 : -0.5
        case .audienceText:
            return Audience.parse(text).isEmpty ? -1 : 2
        case .modeText:
            return Mode.parse(text).isEmpty ? -1 : 2
        case .tierText:
            return Tier.parse(text).isEmpty ? -1 : 2
        case .updateFrequency, .remarks, .unknown, .ignored:
            return 0.2
        }
    }

    /// A row with a 时限 or a 依据 in it states an obligation: it is a catalog row, not a title or page chrome.
    static func statesObligation(_ cells: [String]) -> Bool {
        cells.contains { affinity($0, .deadline) > 0 || affinity($0, .legalBasis) > 0 }
    }

    /// Places the cells of a short row: the missing columns are taken to be one contiguous run
    /// (a horizontally merged cell, or the left edge of a cut-off table) at the position that fits best.
    /// Returns the column index of each cell and the first missing column.
    static func align(_ cells: [String], to roles: [ColumnRole]) -> (columns: [Int], gapStart: Int, gapLength: Int) {
        let gap = roles.count - cells.count
        var best = (score: -Double.infinity, start: 0)
        for start in 0...cells.count {
            var score = 0.0
            for (index, cell) in cells.enumerated() {
                score += affinity(cell, roles[index < start ? index : index + gap])
            }
            // A merged cell has text: prefer a gap right after a non-empty cell.
            if start > 0, !cells[start - 1].trimmed.isEmpty { score += 0.5 }
            if score > best.score { best = (score, start) }
        }
        let columns = cells.indices.map { $0 < best.start ? $0 : $0 + gap }
        return (columns, best.start, gap)
    }

    /// Roles for a table with no header row, from the cells of its full-width rows.
    static func guessRoles(_ rows: [[String]], width: Int) -> [ColumnRole] {
        let full = rows.filter { $0.count == width }
        func average(_ column: Int, _ role: ColumnRole) -> Double {
            let values = full.map { $0[column] }.filter { !$0.trimmed.isEmpty }
            guard !values.isEmpty else { return -1 }
            return values.map { affinity($0, role) }.reduce(0, +) / Double(values.count)
        }
        var roles = [ColumnRole?](repeating: nil, count: width)
        for (role, threshold) in [(ColumnRole.channel, 1.5), (.deadline, 1.5), (.legalBasis, 1.5), (.sequence, 2.0), (.responsible, 1.0)] {
            let free = (0..<width).filter { roles[$0] == nil }
            if let best = free.max(by: { average($0, role) < average($1, role) }), average(best, role) >= threshold {
                roles[best] = role
            }
        }
        let free = (0..<width).filter { roles[$0] == nil }
        func meanLength(_ column: Int) -> Double {
            let values = full.map { $0[column].count }
            return values.isEmpty ? 0 : Double(values.reduce(0, +)) / Double(values.count)
        }
        if let content = free.max(by: { meanLength($0) < meanLength($1) }) {
            roles[content] = .content
            var level = 1
            for column in 0..<content where roles[column] == nil {
                roles[column] = .level(level)
                level += 1
            }
        }
        return roles.map { $0 ?? .remarks }
    }
}
