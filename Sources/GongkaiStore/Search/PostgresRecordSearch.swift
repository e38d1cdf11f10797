import Foundation
import GongkaiCore
import SQLKit

/// Search on PostgreSQL with pg_trgm. The hit set is exactly a case-insensitive substring scan (ILIKE '%text%')
/// over title, body, 文号 and attachment text of the public records in `record_search`, for any query length. For
/// three characters or more the GIN trigram indexes narrow the candidates and ILIKE rechecks them. One- and
/// two-character queries (医保) contain no trigram; they use `grams`, a GIN-indexed array of every character and
/// character pair (SearchGrams, as on SQLite), which matches exactly the records containing the query. Relevance is as on SQLite: title or 文号 hits first, then the
/// others, each newest first. Attachment text is searched too. Totals are always exact.
public struct PostgresRecordSearch: RecordSearch {
    let database: GongkaiDatabase
    public init(_ database: GongkaiDatabase) { self.database = database }

    public func search(_ query: SearchQuery, now: Date = Date()) async throws -> SearchResults {
        let text = query.text.trimmed
        let empty = SearchResults(total: 0, page: query.page, pageSize: query.pageSize, hits: [])
        guard !text.isEmpty else { return empty }
        try await indexDuePublications(now: now)
        let pattern = "%" + Self.escapeLike(text) + "%"
        var conditions: [SQLQueryString]
        if text.count < 3 {
            // The GIN index of character and pair grams answers short queries exactly, as record_grams does on SQLite.
            guard let term = SearchGrams.term(text) else { return empty }
            conditions = ["s.grams @> ARRAY[\(bind: term)]::text[]"]
        } else {
            conditions = ["(s.title ILIKE \(bind: pattern) OR s.body ILIKE \(bind: pattern) OR s.document_number ILIKE \(bind: pattern) OR s.attachments ILIKE \(bind: pattern))"]
        }
        if let agency = query.agencyID { conditions.append("r.agency_id = \(bind: agency)") }
        if let item = query.itemNodeID {
            conditions.append("EXISTS (SELECT 1 FROM record_items ri WHERE ri.record_id = r.id AND ri.node_id = \(bind: item))")
        }
        if let from = query.from { conditions.append("r.published_date >= \(bind: from.description)") }
        if let to = query.to { conditions.append("r.published_date <= \(bind: to.description)") }
        if let validity = query.validity {
            conditions.append("""
                EXISTS (SELECT 1 FROM record_versions v WHERE v.record_id = r.id AND v.version = r.published_version
                AND (v.content::json ->> 'validity') = \(bind: validity.rawValue))
                """)
        }
        let from: SQLQueryString = "FROM record_search s JOIN records r ON r.id = s.record_id"
        let filter: SQLQueryString = " WHERE " + conditions.joined(separator: " AND ")
        let newest: SQLQueryString = "r.published_date DESC NULLS LAST, r.id DESC"
        let relevance: SQLQueryString = "(s.title ILIKE \(bind: pattern) OR s.document_number ILIKE \(bind: pattern)) DESC, "
        let order = query.sort == .date ? newest : relevance + newest
        let page: SQLQueryString = " LIMIT \(literal: query.pageSize) OFFSET \(literal: (query.page - 1) * query.pageSize)"
        // One pass finds the page and counts every hit (the window count is taken before LIMIT).
        let window = try await database.sql.raw("SELECT r.id, COUNT(*) OVER () AS total " + from + filter + " ORDER BY " + order + page).all()
        let ids = try window.map { try $0.decode(column: "id", as: Int.self) }
        guard let first = window.first else {
            let total = query.page == 1 ? 0
                : try await database.sql.raw("SELECT COUNT(*) AS n " + from + filter).first()!.decode(column: "n", as: Int.self)
            return SearchResults(total: total, page: query.page, pageSize: query.pageSize, hits: [])
        }
        let total = try first.decode(column: "total", as: Int.self)
        let rows = try await database.sql.raw("""
            SELECT r.id, r.index_number, r.published_date, a.name AS agency, s.title, s.body, s.document_number, s.attachments
            FROM record_search s JOIN records r ON r.id = s.record_id JOIN agencies a ON a.id = r.agency_id
            WHERE s.record_id IN (\(binds: ids))
            """).all()
        let byID = Dictionary(uniqueKeysWithValues: try rows.map { (try $0.decode(column: "id", as: Int.self), $0) })
        let hits = try ids.compactMap { byID[$0] }.map { row in
            let id = try row.decode(column: "id", as: Int.self)
            let title = try row.decode(column: "title", as: String.self)
            let snippet = Snippet.make(body: try row.decode(column: "body", as: String.self),
                                       attachments: try row.decode(column: "attachments", as: String.self), title: title, query: text)
            return SearchHit(id: id, title: title, snippet: snippet,
                             indexNumber: try row.decode(column: "index_number", as: String?.self),
                             documentNumber: try row.decode(column: "document_number", as: String.self),
                             publishedDate: try row.decode(column: "published_date", as: String?.self),
                             agency: try row.decode(column: "agency", as: String.self), url: "/records/\(id)")
        }
        return SearchResults(total: total, page: query.page, pageSize: query.pageSize, hits: hits)
    }

    /// Indexes scheduled publications whose time has come (cheap when there are none: one indexed query).
    func indexDuePublications(now: Date) async throws {
        let due = try await database.sql.raw("SELECT record_id FROM search_pending WHERE publish_at <= \(bind: Timestamp.string(now))").all()
        guard !due.isEmpty else { return }
        try await database.transaction { db in
            for row in due {
                try await PostgresSearchIndexer.reindex(recordID: try row.decode(column: "record_id", as: Int.self), now: now, in: db)
            }
        }
    }

    /// The text as a LIKE pattern matching itself: `\`, `%` and `_` escaped with PostgreSQL's default escape `\`.
    static func escapeLike(_ text: String) -> String {
        var escaped = ""
        for character in text {
            if character == "\\" || character == "%" || character == "_" { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }
}
