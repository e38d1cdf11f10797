import GongkaiCore

/// A bureau's revision of seed 000 (沂源), as the tests of catalog versions make it: 3 items renamed, 2 added,
/// 1 removed, 1 moved to another category and the 时限 of 2 changed; the other 41 items as they were.
public enum SeedRevision {
    public static let renamed = [(["机构职能", "部门职能配置及内设机构"], "部门职能配置及内设机构情况"),
                                 (["政府会议", "部门会议"], "部门重要会议"),
                                 (["法治建设", "法治建设报告"], "法治政府建设年度报告")]
    public static let removed = ["行政执法", "执法统计年报"]
    public static let moved = (from: ["社会保险", "医保定点"], to: ["社会救助", "医保定点"])
    public static let changed = [["社会保险", "欺诈骗保案列"], ["政府信息公开年度报告", "工作部门信息公开年度报告"]]
    public static let added = [["社会保险", "医保基金监管"], ["社会保险", "异地就医备案"]]

    public struct MissingNode: Error, CustomStringConvertible {
        public let path: [String]
        public var description: String { "no node \(path.joined(separator: "/")) in the seed" }
    }

    public static func revise(_ seed: Catalog) throws -> Catalog {
        var new = seed
        for (path, name) in renamed { try new.roots.rename(path, to: name) }
        try new.roots.remove(removed)
        try new.roots.move(moved.from, under: Array(moved.to.dropLast()))
        try new.roots.update(changed[0]) { $0.deadlineText = "信息形成之日起10个工作日内"; $0.deadlineRule = DeadlineParser.parse($0.deadlineText) }
        try new.roots.update(changed[1]) { $0.deadlineText = "每年1月20日前公开"; $0.deadlineRule = DeadlineParser.parse($0.deadlineText) }
        var item = CatalogItem(provenance: Provenance(sourceFile: "修订.txt", unit: .line, first: 1, last: 1))
        item.content = "定点医药机构违法违规使用医保基金的查处结果"
        item.deadlineText = "处理决定作出之日起7个工作日内"
        item.deadlineRule = DeadlineParser.parse(item.deadlineText)
        try new.roots.add(under: ["社会保险"], CatalogNode(name: "医保基金监管", item: item))
        item.content = "异地就医备案的条件、材料、办理渠道和时限"
        item.deadlineText = "及时公开并动态调整"
        item.deadlineRule = DeadlineParser.parse(item.deadlineText)
        try new.roots.add(under: ["社会保险"], CatalogNode(name: "异地就医备案", item: item))
        return new
    }
}

extension [CatalogNode] {
    fileprivate mutating func withNode(_ path: ArraySlice<String>, _ body: (inout [CatalogNode], Int) -> Void) throws {
        guard let index = firstIndex(where: { $0.name == path.first }) else { throw SeedRevision.MissingNode(path: [String](path)) }
        if path.count == 1 { body(&self, index) } else { try self[index].children.withNode(path.dropFirst(), body) }
    }

    public mutating func rename(_ path: [String], to name: String) throws { try withNode(path[...]) { $0[$1].name = name } }
    public mutating func remove(_ path: [String]) throws { try withNode(path[...]) { $0.remove(at: $1) } }
    public mutating func update(_ path: [String], _ change: (inout CatalogItem) -> Void) throws {
        try withNode(path[...]) { nodes, index in change(&nodes[index].item!) }
    }
    public mutating func add(under parent: [String], _ node: CatalogNode) throws {
        try withNode(parent[...]) { $0[$1].children.append(node) }
    }
    public mutating func move(_ path: [String], under parent: [String]) throws {
        var moved: CatalogNode?
        try withNode(path[...]) { moved = $0.remove(at: $1) }
        if let moved { try add(under: parent, moved) }
    }
}
