import GongkaiCore
import GongkaiStore

extension SearchPageModel {
    /// The page of one search. `from` and `to` are as typed, so that a date in error stays in the form.
    static func load(query: SearchQuery, results: LinkedSearchResults, from: String, to: String, error: String?,
                     records: RecordRepository, directory: AgencyDirectory) async throws -> SearchPageModel {
        // Page links keep every filter of this search.
        let filters: [(String, String?)] = [("q", query.text), ("agency", query.agencyID.map(String.init)), ("item", query.itemNodeID.map(String.init)),
                                            ("from", query.from?.description), ("to", query.to?.description), ("validity", query.validity?.rawValue),
                                            ("sort", query.sort == .date ? "date" : nil)]
        let pages = PageLink.links(total: results.total, pageSize: query.pageSize, current: query.page) { page in
            SiteURL.search.with(query: filters + [("page", String(page))])
        }
        let agencies = try await directory.agencies().map { AgencyOption(id: $0.id, name: $0.name, selected: $0.id == query.agencyID) }
        let validities = Validity.allCases.map { ValidityOption(value: $0.rawValue, label: $0.label, selected: $0 == query.validity) }
        var item: ItemFilter?
        if let id = query.itemNodeID, let context = try await records.itemContext(nodeID: id) {
            item = ItemFilter(id: id, name: context.path.joined(separator: " › "))
        }
        return SearchPageModel(q: query.text, total: results.total, totalIsExact: results.totalIsExact, hits: results.hits, hasHits: !results.hits.isEmpty,
                               searched: !query.text.isEmpty, agencies: agencies, sortDate: query.sort == .date, from: from, to: to,
                               validities: validities, item: item, pages: pages, hasPages: results.total > query.pageSize, error: error)
    }
}
