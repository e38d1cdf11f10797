import Foundation
import GongkaiCore
@testable import GongkaiInterchange
import Testing

/// A bureau revises its catalog: items renamed, added, removed, moved to another category, deadlines changed.
@Suite struct CatalogDiffTests {
    static func seed() throws -> Catalog { try SeedFiles.load("000").catalog }

    @Test func theSameCatalogGivesAnEmptyDiff() throws {
        let diff = CatalogDiff.compute(from: try Self.seed(), to: try Self.seed())
        #expect(diff.isEmpty)
        #expect(diff.count(.unchanged) == 48)
    }

    @Test func aRevisedCopyShowsExactlyItsChanges() throws {
        let old = try Self.seed()
        var new = old
        new.roots.rename(["机构职能", "部门职能配置及内设机构"], to: "部门职能配置及内设机构情况")
        new.roots.rename(["政府会议", "部门会议"], to: "部门重要会议")
        new.roots.rename(["法治建设", "法治建设报告"], to: "法治政府建设年度报告")
        new.roots.remove(["行政执法", "执法统计年报"])
        new.roots.move(["社会保险", "医保定点"], under: ["社会救助"])
        new.roots.update(["社会保险", "欺诈骗保案列"]) { $0.deadlineText = "信息形成之日起10个工作日内" }
        new.roots.update(["政府信息公开年度报告", "工作部门信息公开年度报告"]) { $0.deadlineText = "每年1月20日前公开" }
        var added = CatalogItem(provenance: Provenance(sourceFile: "修订.txt", unit: .line, first: 1, last: 1))
        added.content = "定点医药机构违法违规使用医保基金的查处结果"
        added.deadlineText = "处理决定作出之日起7个工作日内"
        new.roots.add(under: ["社会保险"], CatalogNode(name: "医保基金监管", item: added))
        added.content = "异地就医备案的条件、材料、办理渠道和时限"
        added.deadlineText = "及时公开并动态调整"
        new.roots.add(under: ["社会保险"], CatalogNode(name: "异地就医备案", item: added))

        let diff = CatalogDiff.compute(from: old, to: new)
        #expect(diff.count(.renamed) == 3)
        #expect(diff.count(.added) == 2)
        #expect(diff.count(.removed) == 1)
        #expect(diff.count(.moved) == 1)
        #expect(diff.count(.changed) == 2)
        #expect(diff.count(.unchanged) == 41)
        let renamed = diff.entries.filter { $0.change == .renamed }
        #expect(renamed.map { $0.newPath!.last! } == ["部门职能配置及内设机构情况", "部门重要会议", "法治政府建设年度报告"])
        #expect(renamed.allSatisfy { $0.matchedBy == .content && ($0.similarity ?? 0) >= CatalogDiff.contentThreshold })
        let moved = try #require(diff.entries.first { $0.change == .moved })
        #expect(moved.oldPath == ["社会保险", "医保定点"] && moved.newPath == ["社会救助", "医保定点"])
        #expect(diff.entries.filter { $0.change == .changed }.allSatisfy { $0.changedFields == ["公开时限"] })
        #expect(diff.entries.first { $0.change == .removed }?.oldPath == ["行政执法", "执法统计年报"])
    }
}

extension [CatalogNode] {
    fileprivate mutating func withNode(_ path: ArraySlice<String>, _ body: (inout [CatalogNode], Int) -> Void) {
        guard let index = firstIndex(where: { $0.name == path.first }) else { Issue.record("no node \(path)"); return }
        if path.count == 1 { body(&self, index) } else { self[index].children.withNode(path.dropFirst(), body) }
    }

    fileprivate mutating func rename(_ path: [String], to name: String) { withNode(path[...]) { $0[$1].name = name } }
    fileprivate mutating func remove(_ path: [String]) { withNode(path[...]) { $0.remove(at: $1) } }
    fileprivate mutating func update(_ path: [String], _ change: (inout CatalogItem) -> Void) {
        withNode(path[...]) { nodes, index in change(&nodes[index].item!) }
    }
    fileprivate mutating func add(under parent: [String], _ node: CatalogNode) {
        withNode(parent[...]) { $0[$1].children.append(node) }
    }
    fileprivate mutating func move(_ path: [String], under parent: [String]) {
        var moved: CatalogNode?
        withNode(path[...]) { moved = $0.remove(at: $1) }
        if let moved { add(under: parent, moved) }
    }
}
