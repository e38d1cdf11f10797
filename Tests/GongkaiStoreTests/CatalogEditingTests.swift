import Foundation
import GongkaiCore
import GongkaiInterchange
@testable import GongkaiStore
import GongkaiTestSupport
import Testing

/// Staff edit the catalog in a draft copied from the version in force: each edit keeps the item matched to the one
/// it copies, so approval carries the records over whatever was renamed, moved or rewritten.
@Suite struct CatalogEditingTests {
    @Test(arguments: StoreBackend.allCases)
    func editsGatherInOneDraftAndCarryTheRecordsOver(backend: StoreBackend) async throws {
        try await TestDatabase.with(backend) { database in
            let fixture = try await RecordFixture.make(database)
            let repository = CatalogRepository(database)
            let old = try #require(try await repository.current(agencyID: fixture.yiyuan)).id
            let renamedItem = try await fixture.item("部门会议", agencyID: fixture.yiyuan)
            let record = try await fixture.publish(RecordContent(title: "2026年第一次局务会议"), item: renamedItem, agencyID: fixture.yiyuan)

            let draft = try await repository.openDraft(agencyID: fixture.yiyuan, actor: "editor")
            #expect(try await repository.openDraft(agencyID: fixture.yiyuan, actor: "editor") == draft)
            #expect(try await repository.revisionDiff(draftID: draft).diff.isEmpty)
            await #expect(throws: CatalogEditError.notInDraft) { try await repository.renameNode(nodeID: renamedItem, to: "x", actor: "editor") }

            let items = try await repository.itemNodeIDs(catalogID: draft)
            let names = try await repository.load(id: draft).items.map { $0.path.last! }
            func node(_ name: String) -> Int { items[names.firstIndex(of: name)!] }
            try await repository.renameNode(nodeID: node("部门会议"), to: "部门重要会议", actor: "editor")
            let rescue = try #require(try await repository.outline(catalogID: draft).first { $0.name == "社会救助" && !$0.isItem }?.id)
            try await repository.moveNode(nodeID: node("医保定点"), under: rescue, actor: "editor")
            var edit = ItemEdit(try #require(try await repository.node(id: node("欺诈骗保案列"))?.item))
            edit.deadlineText = "信息形成之日起10个工作日内"
            edit.responsibleUnits = ["基金监管科", "办公室"]
            try await repository.updateItem(nodeID: node("欺诈骗保案列"), edit, actor: "editor")
            let added = try await repository.addNode(draftID: draft, under: rescue, name: "医保基金监管",
                                                     item: ItemEdit(content: "查处结果", deadlineText: "处理决定作出之日起7个工作日内"), actor: "editor")
            try await repository.retireNode(nodeID: node("执法统计年报"), actor: "editor")
            await #expect(throws: CatalogEditError.invalid(["请填写公开内容"])) {
                try await repository.updateItem(nodeID: added, ItemEdit(deadlineText: "及时"), actor: "editor")
            }

            let diff = try await repository.revisionDiff(draftID: draft).diff
            let expected: [CatalogDiff.Change: Int] = [.renamed: 1, .moved: 1, .changed: 1, .added: 1, .removed: 1, .unchanged: 44]
            for (change, count) in expected { #expect(diff.count(change) == count, "\(change)") }
            let changed = try #require(diff.entries.first { $0.change == .changed })
            #expect(changed.changedFields == ["公开时限", "责任科室"])
            let stored = try #require(try await repository.node(id: node("欺诈骗保案列"))?.item)
            #expect(stored.deadlineRule == DeadlineParser.parse("信息形成之日起10个工作日内") && stored.doubts == nil)
            #expect(try await repository.node(id: added)?.level == 2)

            try await repository.approve(draftID: draft, effective: CivilDate(localDate: Date()), actor: "reviewer")
            let moved = try #require(try await fixture.records.record(id: record.id))
            #expect(try await fixture.records.itemContext(nodeID: moved.itemNodeIDs[0])?.path.last == "部门重要会议")
            #expect(try await repository.current(agencyID: fixture.yiyuan)?.id == draft && draft != old)
            let actions = try await AuditLog(database).entries(limit: nil).map(\.action)
            for action in ["catalog.node.renamed", "catalog.node.moved", "catalog.item.edited", "catalog.item.added", "catalog.node.retired", "catalog.approved"] {
                #expect(actions.contains(action), "\(action)")
            }
        }
    }
}
