import Foundation
import GongkaiCore

/// One line of a catalog diff for the terminal: `[更名] 旧路径 → 新路径（变更：…）  相似度 82%，按名称和内容匹配`.
enum CatalogDiffText {
    static func line(_ entry: CatalogDiff.Entry) -> String {
        let old = entry.oldPath?.joined(separator: "/") ?? "", new = entry.newPath?.joined(separator: "/") ?? ""
        var line = "[\(entry.change.label)] "
        switch entry.change {
        case .added: line += new
        case .removed: line += old
        case .renamed, .moved: line += "\(old) → \(new)"
        case .changed, .unchanged: line += new
        }
        if !entry.changedFields.isEmpty { line += "（变更：\(entry.changedFields.joined(separator: "、"))）" }
        if let similarity = entry.similarity, entry.change != .unchanged, entry.matchedBy != .path {
            line += String(format: "  相似度 %.0f%%，按%@匹配", similarity * 100, entry.matchedBy == .code ? "编码" : "名称和内容")
        }
        return line
    }
}
