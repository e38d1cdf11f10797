/// A catalog item's portal page: its public records, newest first, a page at a time.
struct ItemPageModel: Sendable, PageChrome {
    var id: Int
    var agencyID: Int
    var agency: String
    /// The item's categories; nil for an item at the top of the catalog.
    var path: String?
    var name: String
    var records: [RecordLink]
    var hasRecords: Bool
    var emptyReason: String?
    /// For an item of an earlier catalog version: that version and a link to the version in force.
    var retired: RetiredNote?
    var pages: [PageLink]
    var hasPages: Bool
    var meta: MetaTags?
    var feedURL: String?
    var trail: [Crumb]?

    struct RetiredNote: Sendable {
        var version: String
        var versionURL: String
        var currentURL: String
    }

    struct RecordLink: Sendable {
        var title: String
        var url: String
        var date: String
    }
}
