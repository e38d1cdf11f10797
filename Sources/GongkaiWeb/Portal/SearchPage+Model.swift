/// The portal's search page: the form with this search's filters, and its hits.
struct SearchPageModel: Sendable {
    var q: String
    var total: Int
    var totalIsExact: Bool
    var hits: [LinkedSearchResults.Hit]
    var hasHits: Bool
    var searched: Bool
    var agencies: [AgencyOption]
    var sortDate: Bool
    var from: String
    var to: String
    var validities: [ValidityOption]
    /// The item the search is limited to (from an item page's search box), if any.
    var item: ItemFilter?
    var pages: [PageLink]
    var hasPages: Bool
    var error: String?

    struct ValidityOption: Sendable {
        var value: String
        var label: String
        var selected: Bool
    }

    struct ItemFilter: Sendable {
        var id: Int
        var name: String
    }

    struct AgencyOption: Sendable {
        var id: Int
        var name: String
        var selected: Bool
    }
}
