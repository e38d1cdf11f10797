import GongkaiCore
import GongkaiStore

/// A revision of the first agency's catalog waiting for review, so the demo shows the revision pages: one item
/// renamed, one 时限 changed and one item added, as a bureau's yearly 动态调整 would. It stays a draft: an approved
/// revision would move the simulated year's findings onto new items, and the manifest lists them by item.
struct DemoCatalogRevision {
    let database: GongkaiDatabase

    /// Stores the draft unless the agency already has one; returns its id.
    @discardableResult
    func run(agencyID: Int, actor: String) async throws -> Int? {
        let catalogs = CatalogRepository(database)
        guard try await catalogs.drafts(agencyID: agencyID).isEmpty, let current = try await catalogs.current(agencyID: agencyID) else { return nil }
        var catalog = try await catalogs.load(id: current.id)
        guard var category = catalog.roots.first, let firstItem = category.children.firstIndex(where: { $0.item != nil }) else { return nil }
        category.children[firstItem].name += "情况"
        if let second = category.children.indices.dropFirst(firstItem + 1).first(where: { category.children[$0].item != nil }) {
            category.children[second].item?.deadlineText = "信息形成或变更之日起10个工作日内"
            category.children[second].item?.deadlineRule = DeadlineParser.parse("信息形成或变更之日起10个工作日内")
        }
        var added = CatalogItem(provenance: Provenance(sourceFile: "演示修订", unit: .line, first: 1, last: 1))
        added.content = "定点医药机构违法违规使用医保基金的查处结果"
        added.deadlineText = "处理决定作出之日起7个工作日内"
        added.deadlineRule = DeadlineParser.parse(added.deadlineText)
        category.children.append(CatalogNode(name: "医保基金监管情况", item: added))
        catalog.roots[0] = category
        let outcome = try await catalogs.store(catalog, format: "演示修订稿", diagnostics: [], actor: actor)
        return outcome.kind == .revisionDraft ? outcome.catalogID : nil
    }
}
