/// The staff page of a draft revision: its diff against the version in force, a match to confirm or correct per
/// item, and the decision (approve from a date, or set aside).
struct RevisionPage: Sendable, PageChrome {
    struct Entry: Sendable {
        var row: CatalogPages.ChangeRow
        /// The draft's item, whose match staff may correct (nil for removed items).
        var newNodeID: Int?
        var fieldID: String
        var options: [SelectOption]
        var confirmedBy: String?
    }

    var title: String
    var agency: String
    var draftTreeURL: String
    var currentName: String
    var currentTreeURL: String
    var counts: [CatalogPages.ChangeCount]
    var entries: [Entry]
    var unchanged: [String]
    var hasUnchanged: Bool
    var canDecide: Bool
    var matchURL: String
    var approveURL: String
    var discardURL: String
    var today: String
    var trail: [Crumb]?
}
