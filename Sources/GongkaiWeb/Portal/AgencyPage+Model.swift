/// An agency's portal page: its catalog in force, column by column, and the columns every site has.
struct AgencyPageModel: Sendable, PageChrome {
    var id: Int
    var name: String
    var catalogTitle: String
    /// 第2版，自2026-12-01起施行，现行
    var catalogVersion: String
    var versionsURL: String
    var columns: [Column]
    var guideURL: String?
    var rulesURL: String?
    var reportURL: String?
    var applyURL: String
    var meta: MetaTags?
    var feedURL: String?
    var trail: [Crumb]? = [.home]

    struct Column: Sendable {
        var name: String
        var items: [ItemLink]
    }

    struct ItemLink: Sendable {
        var name: String
        var url: String
        var count: Int
        /// Indentation below the column's own level, as a CSS class (depth-0 … depth-3).
        var depthClass: String
        /// The parent's name where another item of the column has the same name (医疗救助 under 救助标准 and under 救助人数).
        var parent: String?
    }
}
