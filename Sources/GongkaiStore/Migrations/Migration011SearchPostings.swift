import SQLKit

/// Search, PostgreSQL third layout: postings instead of GIN-indexed gram arrays. At 100,000 records the planner
/// read every row's TOASTed `grams` array (sequential scans, 100–540 ms a query); a B-tree of (gram, sort_key)
/// rows answers "the newest records containing this gram" by reading 20 index entries, and `search_terms` (as on
/// SQLite) gives exact totals and the rarest gram of a longer query without reading postings.
///
/// `search_postings` holds one row per distinct gram (character or pair of adjacent characters, lowercased:
/// SearchGrams) of each public record, `head` when it occurs in the title or 文号. The grams columns and their
/// GIN indexes go; the text and its trigram indexes stay, and a lowercased copy of the text is added. Every public record is indexed afresh, queued in
/// `search_pending` as in migration 007. SQLite keeps its FTS5 tables: nothing changes there.
enum Migration011SearchPostings {
    static let migration = Migration(version: 11, name: "search-postings") { db in
        guard db.dialect.name == "postgresql" else { return }
        // COLLATE "C": grams are compared for equality and ordered only within the index, so byte order suffices.
        try await db.raw("""
            CREATE TABLE search_postings (sort_key BIGINT NOT NULL, term TEXT COLLATE "C" NOT NULL, head BOOLEAN NOT NULL,
            PRIMARY KEY (term, sort_key) INCLUDE (head))
            """).run()
        try await db.raw("CREATE INDEX search_postings_head ON search_postings (term, sort_key) WHERE head").run()
        try await db.raw("""
            CREATE TABLE search_terms (term TEXT COLLATE "C" PRIMARY KEY, docs BIGINT NOT NULL, head_docs BIGINT NOT NULL)
            """).run()
        try await db.raw("ALTER TABLE record_search DROP COLUMN grams, DROP COLUMN head_grams").run()
        // The text lowercased as SearchGrams lowercases it: a longer query's candidates are rechecked with LIKE on
        // these, a third of ILIKE's cost.
        for column in ["title", "body", "document_number", "attachments"] {
            try await db.raw("ALTER TABLE record_search ADD COLUMN \(unsafeRaw: "folded_" + column) TEXT NOT NULL DEFAULT ''").run()
        }
        try await db.raw("DELETE FROM record_search").run()
        try await db.raw("""
            INSERT INTO search_pending (record_id, publish_at)
            SELECT id, '' FROM records WHERE published_version IS NOT NULL AND status <> 'withdrawn'
            ON CONFLICT (record_id) DO UPDATE SET publish_at = ''
            """).run()
    }
}
