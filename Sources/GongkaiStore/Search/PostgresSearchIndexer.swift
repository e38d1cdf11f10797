import GongkaiCore
import SQLKit

/// The PostgreSQL side of `SearchIndexer`: `record_search` holds the searchable text of exactly the public records,
/// `search_postings` one row per distinct gram of each (SearchGrams, plain text), `search_terms` how many records
/// contain each gram. Called inside the transaction of the change, which holds the writer lock, so two indexers
/// never race on a record. Statements take whole arrays (unnest), so indexing a record, or a batch of thousands in
/// a bulk load, is a few statements whatever the number of grams.
enum PostgresSearchIndexer {
    /// Removes a record's text and postings. Its grams are computed again from the stored text: SearchGrams is a
    /// pure function of it, so they are exactly the grams that were inserted.
    static func remove(recordID: Int, termCounting: SearchIndexer.TermCounting, in db: any SQLDatabase) async throws {
        guard let row = try await db.raw("""
            DELETE FROM record_search WHERE record_id = \(bind: recordID)
            RETURNING sort_key, title, body, document_number, attachments
            """).first() else { return }
        let content = RecordContent(title: try row.decode(column: "title", as: String.self),
                                    documentNumber: try row.decode(column: "document_number", as: String.self),
                                    body: try row.decode(column: "body", as: String.self))
        let document = SearchDocument(content: content, attachments: try row.decode(column: "attachments", as: String.self))
        let postings = Postings([(try row.decode(column: "sort_key", as: Int.self), document)])
        try await db.raw("""
            DELETE FROM search_postings WHERE sort_key = \(bind: postings.keys.first ?? 0) AND term = ANY(\(bind: postings.terms))
            """).run()
        if termCounting == .maintain { try await apply(postings.counts(sign: -1), in: db) }
    }

    /// Indexes records not in the index now (`remove` first for one that may be).
    static func insert(_ documents: [(recordID: Int, key: Int, document: SearchDocument)], termCounting: SearchIndexer.TermCounting,
                       in db: any SQLDatabase) async throws {
        guard !documents.isEmpty else { return }
        let titles = documents.map(\.document.content.title), bodies = documents.map(\.document.content.body)
        let numbers = documents.map(\.document.content.documentNumber), attachments = documents.map(\.document.attachments)
        let heads = documents.map { Self.folded([$0.document.content.title, $0.document.content.documentNumber]) }
        let texts = zip(heads, documents).map { $0 + String(separator) + Self.folded([$1.document.content.body, $1.document.attachments]) }
        try await db.raw("""
            INSERT INTO record_search (record_id, sort_key, title, body, document_number, attachments, folded_head, folded_text)
            SELECT * FROM unnest(\(bind: documents.map(\.recordID))::bigint[], \(bind: documents.map(\.key))::bigint[],
                                 \(bind: titles)::text[], \(bind: bodies)::text[], \(bind: numbers)::text[], \(bind: attachments)::text[],
                                 \(bind: heads)::text[], \(bind: texts)::text[])
            """).run()
        let postings = Postings(documents.map { ($0.key, $0.document) })
        try await db.raw("""
            INSERT INTO search_postings (sort_key, term, head)
            SELECT * FROM unnest(\(bind: postings.keys)::bigint[], \(bind: postings.terms)::text[], \(bind: postings.heads)::boolean[])
            """).run()
        if termCounting == .maintain { try await apply(postings.counts(sign: 1), in: db) }
    }

    /// Joins the fields of `folded_head` and `folded_text`: a control character no query holds (PostgresRecordSearch
    /// scans a query with it field by field), so no LIKE match spans two fields.
    static let separator: Unicode.Scalar = "\u{1}"

    /// Fields lowercased as SearchGrams lowercases them, joined by the separator: what long queries recheck.
    static func folded(_ fields: [String]) -> String { fields.map { $0.lowercased() }.joined(separator: String(separator)) }

    /// Adds per-term deltas to `search_terms` and drops terms no record contains any more.
    private static func apply(_ counts: (terms: [String], docs: [Int], heads: [Int]), in db: any SQLDatabase) async throws {
        guard !counts.terms.isEmpty else { return }
        try await db.raw("""
            INSERT INTO search_terms (term, docs, head_docs)
            SELECT * FROM unnest(\(bind: counts.terms)::text[], \(bind: counts.docs)::bigint[], \(bind: counts.heads)::bigint[])
            ON CONFLICT (term) DO UPDATE SET docs = search_terms.docs + excluded.docs, head_docs = search_terms.head_docs + excluded.head_docs
            """).run()
        if counts.docs.contains(where: { $0 < 0 }) {
            try await db.raw("DELETE FROM search_terms WHERE term = ANY(\(bind: counts.terms)) AND docs <= 0").run()
        }
    }

    /// The indexes a bulk load drops and `recount` builds again: maintained row by row, the posting B-tree of a
    /// million records (about 180 million rows) and the trigram indexes take hours; built once, sorted, minutes.
    static let bulkIndexes: [(name: String, create: String)] = [
        ("search_postings_pkey", "ALTER TABLE search_postings ADD CONSTRAINT search_postings_pkey PRIMARY KEY (term, sort_key) INCLUDE (head)"),
        ("search_postings_head", "CREATE INDEX search_postings_head ON search_postings (term, sort_key) WHERE head"),
    ] + ["title", "body", "document_number", "attachments"].map {
        ("record_search_\($0)_trgm", "CREATE INDEX record_search_\($0)_trgm ON record_search USING gin (\($0) gin_trgm_ops)")
    }

    /// Drops the bulk indexes before records are indexed with `.deferred` counts; `recount` restores them.
    static func beginBulkLoad(in db: any SQLDatabase) async throws {
        try await db.raw("ALTER TABLE search_postings DROP CONSTRAINT IF EXISTS search_postings_pkey").run()
        for index in bulkIndexes.dropFirst() { try await db.raw("DROP INDEX IF EXISTS \(unsafeRaw: index.name)").run() }
    }

    /// Builds the bulk indexes that are missing (all after `beginBulkLoad`, none otherwise).
    private static func restoreBulkIndexes(in db: any SQLDatabase) async throws {
        let present = Set(try await db.raw("SELECT indexname FROM pg_indexes WHERE tablename IN ('search_postings', 'record_search')")
            .all().map { try $0.decode(column: "indexname", as: String.self) })
        let missing = bulkIndexes.filter { !present.contains($0.name) }
        guard !missing.isEmpty else { return }
        try await db.raw("SET LOCAL maintenance_work_mem = '1GB'").run()
        for index in missing { try await db.raw("\(unsafeRaw: index.create)").run() }
    }

    /// Rebuilds the indexes a bulk load dropped and every count from the postings (after a bulk load or an index
    /// rebuild), and refreshes the planner's statistics.
    static func recount(in db: any SQLDatabase) async throws {
        try await restoreBulkIndexes(in: db)
        try await db.raw("DELETE FROM search_terms").run()
        try await db.raw("""
            INSERT INTO search_terms (term, docs, head_docs)
            SELECT term, COUNT(*), COUNT(*) FILTER (WHERE head) FROM search_postings GROUP BY term
            """).run()
        try await db.raw("ANALYZE record_search, search_postings, search_terms").run()
    }

    /// The posting rows of some documents as three parallel arrays, one row per distinct gram of each.
    struct Postings {
        var keys: [Int] = []
        var terms: [String] = []
        var heads: [Bool] = []

        init(_ documents: [(key: Int, document: SearchDocument)]) {
            for (key, document) in documents {
                let head = Set(document.headGrams)
                for term in document.headGrams {
                    keys.append(key); terms.append(term); heads.append(true)
                }
                for term in document.bodyGrams where !head.contains(term) {
                    keys.append(key); terms.append(term); heads.append(false)
                }
            }
        }

        /// Per distinct term: how many of these documents contain it, and how many in the title or 文号, times `sign`.
        func counts(sign: Int) -> (terms: [String], docs: [Int], heads: [Int]) {
            var byTerm: [String: (docs: Int, heads: Int)] = [:]
            for (term, head) in zip(terms, heads) {
                byTerm[term, default: (0, 0)].docs += sign
                if head { byTerm[term, default: (0, 0)].heads += sign }
            }
            let sorted = byTerm.keys.sorted()
            return (sorted, sorted.map { byTerm[$0]!.docs }, sorted.map { byTerm[$0]!.heads })
        }
    }
}
