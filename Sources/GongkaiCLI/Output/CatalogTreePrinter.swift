import GongkaiCore

/// Renders a catalog as an indented Chinese tree for the terminal.
enum CatalogTreePrinter {
    static func render(_ catalog: Catalog) -> String {
        var lines = ["\(catalog.title)（\(catalog.agency.name)，\(catalog.items.count)个公开事项）"]
        func walk(_ node: CatalogNode, depth: Int) {
            let indent = String(repeating: "  ", count: depth)
            var line = indent + (node.item == nil ? "▸ " : "• ") + (node.marks ?? "") + node.name
            if let code = node.code { line += " [\(code)]" }
            if let item = node.item {
                var facts: [String] = []
                if !item.responsibleUnits.isEmpty { facts.append("责任：" + item.responsibleUnits.joined(separator: "、")) }
                if !item.deadlineText.isEmpty { facts.append("时限：" + item.deadlineText) }
                if !facts.isEmpty { line += "  — " + facts.joined(separator: "；") }
            }
            lines.append(line)
            for child in node.children { walk(child, depth: depth + 1) }
        }
        for root in catalog.roots { walk(root, depth: 1) }
        return lines.joined(separator: "\n")
    }
}
