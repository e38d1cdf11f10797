/// A category level (一级…五级事项/指标/目录) in the catalog tree.
/// A node that carries obligations is an item (公开事项); it may also have children.
public struct CatalogNode: Codable, Sendable, Equatable {
    public var name: String
    /// 目录编码 such as 010100, when the catalog numbers its nodes.
    public var code: String?
    /// Legend marks printed before the name (★ ● ◆ …); their meaning is the catalog's own.
    public var marks: String?
    public var children: [CatalogNode]
    public var item: CatalogItem?

    public init(name: String, code: String? = nil, marks: String? = nil,
                children: [CatalogNode] = [], item: CatalogItem? = nil) {
        self.name = name
        self.code = code
        self.marks = marks
        self.children = children
        self.item = item
    }

    public var itemCount: Int { (item == nil ? 0 : 1) + children.reduce(0) { $0 + $1.itemCount } }
}
