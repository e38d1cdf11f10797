import GongkaiCore

/// Builds the category tree from item paths, in document order. Categories with the same name (and code)
/// under the same parent are one node; every row stays its own item, even when names repeat.
enum TreeBuilder {
    static func build(_ items: [([NameCell], CatalogItem)], diagnostics: inout [ImportDiagnostic]) -> [CatalogNode] {
        var roots: [CatalogNode] = []
        for (path, item) in items {
            insert(item, along: path[...], into: &roots, diagnostics: &diagnostics)
        }
        return roots
    }

    private static func insert(_ item: CatalogItem, along path: ArraySlice<NameCell>, into nodes: inout [CatalogNode],
                               diagnostics: inout [ImportDiagnostic]) {
        guard let head = path.first else { return }
        let matches = { (node: CatalogNode) in node.name == head.name && (node.code == head.code || head.code == nil || node.code == nil) }
        if path.count == 1 {
            if let index = nodes.lastIndex(where: { matches($0) && $0.item == nil }) {
                nodes[index].item = item
                if nodes[index].code == nil { nodes[index].code = head.code }
            } else {
                if nodes.contains(where: matches) {
                    diagnostics.append(.init(.ambiguous, .duplicateName, first: item.provenance.first, last: item.provenance.last,
                        "同一分类下已有同名事项“\(head.name)”，本行作为另一个事项导入（内容不同）"))
                }
                nodes.append(CatalogNode(name: head.name, code: head.code, marks: head.marks, item: item))
            }
            return
        }
        let index: Int
        if let existing = nodes.lastIndex(where: matches) {
            index = existing
            if nodes[index].code == nil { nodes[index].code = head.code }
        } else {
            nodes.append(CatalogNode(name: head.name, code: head.code, marks: head.marks))
            index = nodes.count - 1
        }
        insert(item, along: path.dropFirst(), into: &nodes[index].children, diagnostics: &diagnostics)
    }
}
