import GongkaiCore

/// The standard column layout used for CSV and .xlsx exports: one row per item, every cell filled
/// as it applies to that item (no merged cells), levels as columns, codes under their names.
enum StandardLayout {
    static func header(levels: Int) -> [String] {
        ["序号"] + (1...max(levels, 1)).map { ColumnRole.level($0).label }
            + ["公开内容", "公开依据", "公开时限", "公开主体", "责任科室", "公开渠道和载体", "公开对象", "公开方式", "过程", "公开层级", "更新频率", "备注"]
    }

    static func rows(_ catalog: Catalog) -> (header: [String], rows: [[String]]) {
        var pathNodes: [[CatalogNode]] = []
        func walk(_ node: CatalogNode, _ ancestors: [CatalogNode]) {
            let here = ancestors + [node]
            if node.item != nil { pathNodes.append(here) }
            node.children.forEach { walk($0, here) }
        }
        catalog.roots.forEach { walk($0, []) }
        let levels = pathNodes.map(\.count).max() ?? 1
        let rows = pathNodes.enumerated().map { index, nodes -> [String] in
            let item = nodes.last!.item!
            let names = (0..<levels).map { level -> String in
                guard level < nodes.count else { return "" }
                let node = nodes[level]
                return (node.marks ?? "") + node.name + (node.code.map { "\n" + $0 } ?? "")
            }
            let responsible = item.responsibleText.isEmpty ? item.responsibleUnits.joined(separator: "、") : item.responsibleText
            let channels = item.channels.map { ($0.checked ? "■" : "□") + $0.name }.joined(separator: " ")
            let stages = item.stageText.isEmpty ? item.stages.map(\.label).joined(separator: "、") : item.stageText
            return [String(index + 1)] + names + [
                item.content, item.legalBasisText, item.deadlineText, item.publisher, responsible, channels,
                item.audiences.map(\.label).joined(separator: "、"), item.modes.map(\.label).joined(separator: "、"),
                stages, item.tiers.map(\.label).joined(separator: "、"), item.updateFrequency, item.remarks,
            ]
        }
        return (header(levels: levels), rows)
    }
}

/// RFC 4180 CSV with a title line, UTF-8 with BOM so Excel opens it as Chinese text.
public enum CatalogCSVWriter {
    public static func write(_ catalog: Catalog) -> String {
        let (header, rows) = StandardLayout.rows(catalog)
        func field(_ text: String) -> String {
            text.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                ? "\"" + text.doubling("\"") + "\"" : text
        }
        let lines = [field(catalog.title)] + ([header] + rows).map { $0.map(field).joined(separator: ",") }
        return "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n"
    }
}
