/// The workbench (/admin, Templates/dashboard.mustache): the user's drafts, the review queue and the catalog
/// versions they may see.
extension AdminController {
    struct DashboardView: Sendable {
        var drafts: [RecordRowView]
        var queue: [RecordRowView]
        var hasDrafts: Bool
        var hasQueue: Bool
        var catalogs: [CatalogSummaryView]
        /// The catalog import page, for those who may import (agency and system administrators).
        var importURL: String?
    }

    struct CatalogSummaryView: Sendable {
        var id: Int
        var url: String
        var agency: String
        var title: String
        var itemCount: Int
        /// 第2版，自…起施行 / 待审核的修订稿 / 已放弃
        var state: String
        /// The draft's review page; nil for adopted and discarded versions.
        var revisionURL: String?
    }
}
