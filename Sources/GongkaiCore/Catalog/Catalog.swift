/// An agency's 主动公开基本目录: a tree of categories whose leaves are items.
public struct Catalog: Codable, Sendable, Equatable {
    public var title: String
    /// Edition as the document states it, e.g. "2021版" or "试行".
    public var version: String?
    public var agency: Agency
    public var sourceFile: String
    public var roots: [CatalogNode]
    /// Footnotes and remarks that belong to the whole catalog (e.g. "注：…").
    public var notes: [String]
    /// 发布日期 of the catalog, when the document states one (a 发布时间/日期 line).
    public var publishedDate: CivilDate?

    public init(title: String, version: String? = nil, agency: Agency, sourceFile: String,
                roots: [CatalogNode] = [], notes: [String] = [], publishedDate: CivilDate? = nil) {
        self.title = title
        self.version = version
        self.agency = agency
        self.sourceFile = sourceFile
        self.roots = roots
        self.notes = notes
        self.publishedDate = publishedDate
    }

    /// Every item in document order, each with the names of its ancestors.
    public var items: [PathedItem] {
        var result: [PathedItem] = []
        func walk(_ node: CatalogNode, _ path: [String]) {
            let here = path + [node.name]
            if let item = node.item { result.append(PathedItem(path: here, code: node.code, item: item)) }
            for child in node.children { walk(child, here) }
        }
        for root in roots { walk(root, []) }
        return result
    }

    /// Distinct responsible units named anywhere in the catalog, in first-seen order.
    public var departments: [Department] {
        var seen = Set<String>()
        return items.flatMap(\.item.responsibleUnits).filter { seen.insert($0).inserted }.map(Department.init)
    }
}

/// An item together with its position in the tree.
public struct PathedItem: Sendable, Equatable {
    /// Category names from the top level down to the item's own name.
    public var path: [String]
    public var code: String?
    public var item: CatalogItem

    public init(path: [String], code: String?, item: CatalogItem) {
        self.path = path
        self.code = code
        self.item = item
    }
}
