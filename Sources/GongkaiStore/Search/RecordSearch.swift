import Foundation
import GongkaiCore

/// What the public searches for. Only public records are ever returned.
public struct SearchQuery: Sendable, Equatable {
    public enum Sort: String, Sendable { case relevance, date }

    public var text: String
    public var agencyID: Int?
    public var itemNodeID: Int?
    public var from: CivilDate?
    public var to: CivilDate?
    public var validity: Validity?
    public var sort: Sort
    public var page: Int
    public var pageSize: Int
    /// No one pages this far; beyond it a page is empty anyway.
    public static let maxPage = 100_000

    public init(text: String, agencyID: Int? = nil, itemNodeID: Int? = nil, from: CivilDate? = nil, to: CivilDate? = nil,
                validity: Validity? = nil, sort: Sort = .relevance, page: Int = 1, pageSize: Int = 20) {
        self.text = text
        self.agencyID = agencyID
        self.itemNodeID = itemNodeID
        self.from = from
        self.to = to
        self.validity = validity
        self.sort = sort
        // Bounded so that (page - 1) * pageSize, the offset of both backends, cannot overflow ("page=9223372036854775807").
        self.page = min(max(page, 1), Self.maxPage)
        self.pageSize = min(max(pageSize, 1), 100)
    }
}

public struct SearchHit: Codable, Sendable, Equatable {
    public var id: Int
    public var title: String
    /// The text around the first match.
    public var excerpt: SearchExcerpt
    public var indexNumber: String?
    public var documentNumber: String
    public var publishedDate: String?
    public var agency: String
}

public struct SearchResults: Codable, Sendable, Equatable {
    /// Above this many hits a search may report "more than this many" instead of an exact total: counting every
    /// match of a common phrase (医疗保险: 412,555 of a million records) takes 60–100 ms, a bounded count about 2 ms.
    public static let defaultCountLimit = 10_000

    /// The number of hits; when `totalIsExact` is false, a lower bound (there are more than this many).
    public var total: Int
    public var totalIsExact: Bool = true
    public var page: Int
    public var pageSize: Int
    public var hits: [SearchHit]
}

/// Full-text search over public records. The SQLite implementation uses FTS5; a PostgreSQL installation
/// provides its own (e.g. pg_trgm) behind the same interface.
public protocol RecordSearch: Sendable {
    func search(_ query: SearchQuery, now: Date) async throws -> SearchResults
}

extension RecordSearch {
    public func search(_ query: SearchQuery) async throws -> SearchResults { try await search(query, now: Date()) }
}
