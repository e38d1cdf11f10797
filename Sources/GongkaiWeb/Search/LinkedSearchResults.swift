import GongkaiStore

/// Search results as the portal shows and `/search?format=json` returns them: each hit with its page's address,
/// which the store does not know.
struct LinkedSearchResults: Codable, Sendable {
    var total: Int
    var totalIsExact: Bool
    var page: Int
    var pageSize: Int
    var hits: [Hit]

    struct Hit: Codable, Sendable {
        var id: Int
        var title: String
        /// HTML: the text around the first match, escaped, with matches in <mark>.
        var snippet: String
        var indexNumber: String?
        var documentNumber: String
        var publishedDate: String?
        var agency: String
        var url: String
    }

    init(_ results: SearchResults) {
        total = results.total
        totalIsExact = results.totalIsExact
        page = results.page
        pageSize = results.pageSize
        hits = results.hits.map {
            Hit(id: $0.id, title: $0.title, snippet: $0.excerpt.html, indexNumber: $0.indexNumber, documentNumber: $0.documentNumber,
                publishedDate: $0.publishedDate, agency: $0.agency, url: SiteURL.record($0.id).path)
        }
    }
}
