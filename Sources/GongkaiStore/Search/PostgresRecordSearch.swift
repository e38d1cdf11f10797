import Foundation
import GongkaiCore
import SQLKit

/// Search on PostgreSQL with pg_trgm. The hit set is exactly a case-insensitive substring scan (ILIKE '%text%')
/// over title, body, 文号 and attachment text of the public records in `record_search`, for any query length. For
/// three characters or more the GIN trigram indexes narrow the candidates and ILIKE rechecks them. One- and
/// two-character queries (医保) contain no trigram; they use `grams`, a GIN-indexed array of every character and
/// character pair (SearchGrams, as on SQLite), which matches exactly the records containing the query.
///
/// Order, relevance and totals are as on SQLite: `sort_key` is the same SearchKey (newest first by 发布日期), title
/// or 文号 hits come first under relevance, and totals are exact up to the count limit.
public struct PostgresRecordSearch: RecordSearch {
    let database: GongkaiDatabase
    let countLimit: Int
    public init(_ database: GongkaiDatabase, countLimit: Int = SearchResults.defaultCountLimit) {
        self.database = database
        self.countLimit = countLimit
    }

    public func search(_ query: SearchQuery, now: Date = Date()) async throws -> SearchResults {
        let text = query.text.trimmed
        let empty = SearchResults(total: 0, page: query.page, pageSize: query.pageSize, hits: [])
        guard !text.isEmpty else { return empty }
        try await SearchIndexer.indexDue(now: now, in: database)
        let all: SQLQueryString, head: SQLQueryString
        if text.count < 3 {
            // The GIN-indexed grams answer short queries exactly, as record_grams does on SQLite.
            guard let term = SearchGrams.term(text) else { return empty }
            all = "s.grams @> ARRAY[\(bind: term)]::text[]"
            head = "s.head_grams @> ARRAY[\(bind: term)]::text[]"
        } else {
            let pattern = "%" + Self.escapeLike(text) + "%"
            all = "(s.title ILIKE \(bind: pattern) OR s.body ILIKE \(bind: pattern) OR s.document_number ILIKE \(bind: pattern) OR s.attachments ILIKE \(bind: pattern))"
            head = "(s.title ILIKE \(bind: pattern) OR s.document_number ILIKE \(bind: pattern))"
        }
        let rest = all + " AND NOT " + head
        let scope = Scope(query)
        var total = try await count(all, in: scope, limit: countLimit < .max ? countLimit + 1 : nil), exact = true
        if total > countLimit { (total, exact) = (countLimit, false) }
        let offset = (query.page - 1) * query.pageSize
        let ids = query.sort == .date
            ? try await page(all, in: scope, limit: query.pageSize, offset: offset)
            : try await RelevancePage.keys(pageSize: query.pageSize, offset: offset, headTotal: nil,
                                           countHead: { try await count(head, in: scope, limit: nil) },
                                           page: { isHead, limit, offset in try await page(isHead ? head : rest, in: scope, limit: limit, offset: offset) })
        return SearchResults(total: total, totalIsExact: exact, page: query.page, pageSize: query.pageSize, hits: try await hits(ids: ids, text: text))
    }

    /// The filters: the date range is a range of `sort_key` (SearchKey); agency, item and validity join records.
    struct Scope {
        let from: SQLQueryString
        let conditions: [SQLQueryString]

        init(_ query: SearchQuery) {
            var conditions: [SQLQueryString] = []
            if let from = query.from { conditions.append("s.sort_key >= \(bind: SearchKey.make(recordID: 0, publishedDate: from))") }
            if let to = query.to { conditions.append("s.sort_key < \(bind: SearchKey.make(recordID: 0, publishedDate: to.adding(days: 1)))") }
            var joined: [SQLQueryString] = []
            if let agency = query.agencyID { joined.append("r.agency_id = \(bind: agency)") }
            if let item = query.itemNodeID {
                joined.append("EXISTS (SELECT 1 FROM record_items ri WHERE ri.record_id = r.id AND ri.node_id = \(bind: item))")
            }
            if let validity = query.validity {
                joined.append("""
                    EXISTS (SELECT 1 FROM record_versions v WHERE v.record_id = r.id AND v.version = r.published_version
                    AND (v.content::json ->> 'validity') = \(bind: validity.rawValue))
                    """)
            }
            from = joined.isEmpty ? "FROM record_search s" : "FROM record_search s JOIN records r ON r.id = s.record_id"
            self.conditions = conditions + joined
        }

        func filter(_ match: SQLQueryString) -> SQLQueryString { " WHERE " + ([match] + conditions).joined(separator: " AND ") }
    }

    private func count(_ match: SQLQueryString, in scope: Scope, limit: Int?) async throws -> Int {
        let bound: SQLQueryString = limit.map { " LIMIT \(literal: $0)" } ?? ""
        return try await database.sql.raw("SELECT COUNT(*) AS n FROM (SELECT 1 " + scope.from + scope.filter(match) + bound + ") c")
            .first()!.decode(column: "n", as: Int.self)
    }

    private func page(_ match: SQLQueryString, in scope: Scope, limit: Int, offset: Int) async throws -> [Int] {
        guard limit > 0 else { return [] }
        return try await database.sql.raw("SELECT s.record_id " + scope.from + scope.filter(match)
                                          + " ORDER BY s.sort_key DESC LIMIT \(literal: limit) OFFSET \(literal: offset)")
            .all().map { try $0.decode(column: "record_id", as: Int.self) }
    }

    private func hits(ids: [Int], text: String) async throws -> [SearchHit] {
        guard !ids.isEmpty else { return [] }
        let rows = try await database.sql.raw("""
            SELECT r.id, r.index_number, r.published_date, a.name AS agency, s.title, s.body, s.document_number, s.attachments
            FROM record_search s JOIN records r ON r.id = s.record_id JOIN agencies a ON a.id = r.agency_id
            WHERE s.record_id IN (\(binds: ids))
            """).all()
        let byID = Dictionary(uniqueKeysWithValues: try rows.map { (try $0.decode(column: "id", as: Int.self), $0) })
        return try ids.compactMap { byID[$0] }.map { try SearchHit(row: $0, query: text) }
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
