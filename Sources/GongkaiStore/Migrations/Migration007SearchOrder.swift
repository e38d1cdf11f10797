import SQLKit

/// Search, second layout (SQLite). Index rows are keyed by 发布日期 and record id, so that "newest first" is the
/// index's own order; titles and 文号 are a column of their own in the short-query index, so that title hits can
/// rank first; a table of per-term document counts gives one- and two-character queries their exact totals
/// without reading their posting lists; attachment text is searchable. The old index is dropped and every
/// public record is queued in `search_pending`, which the next search drains (SearchIndexer.indexDue).
/// PostgreSQL keeps its table and gains the same things: attachment text, the sort key, and GIN-indexed arrays of the
/// character and pair grams, all and title/文号 only (pg_trgm cannot narrow one- and two-character queries); its
/// records are queued for indexing the same way.
enum Migration007SearchOrder {
    static let migration = Migration(version: 7, name: "search-order") { db in
        try await db.create(table: "attachment_texts")
            .column("sha256", type: .text, .primaryKey(autoIncrement: false), .references("attachments", "sha256"))
            .column("text", type: .text, .notNull)
            .run()
        if db.dialect.name == "postgresql" {
            try await db.raw("ALTER TABLE record_search ADD COLUMN attachments TEXT NOT NULL DEFAULT ''").run()
            try await db.raw("CREATE INDEX record_search_attachments_trgm ON record_search USING gin (attachments gin_trgm_ops)").run()
            try await db.raw("ALTER TABLE record_search ADD COLUMN sort_key BIGINT NOT NULL DEFAULT 0").run()
            try await db.raw("CREATE INDEX record_search_sort_key ON record_search (sort_key)").run()
            for column in ["grams", "head_grams"] {
                try await db.raw("ALTER TABLE record_search ADD COLUMN \(unsafeRaw: column) TEXT[] NOT NULL DEFAULT '{}'").run()
                try await db.raw("CREATE INDEX record_search_\(unsafeRaw: column) ON record_search USING gin (\(unsafeRaw: column))").run()
            }
        } else {
            try await db.raw("DROP TABLE record_fts").run()
            try await db.raw("DROP TABLE record_grams").run()
            try await db.raw("CREATE VIRTUAL TABLE record_fts USING fts5(title, body, document_number, attachments, tokenize='trigram')").run()
            // Queries here are always single terms, so positions are never needed: detail=column keeps the index small.
            try await db.raw("CREATE VIRTUAL TABLE record_grams USING fts5(head, body, tokenize='unicode61', detail=column, columnsize=0)").run()
            try await db.raw("CREATE TABLE search_terms (term TEXT PRIMARY KEY, docs INTEGER NOT NULL, head_docs INTEGER NOT NULL) WITHOUT ROWID").run()
        }
        // Every public record is indexed afresh; a scheduled one goes back to waiting for its time.
        try await db.raw("""
            INSERT INTO search_pending (record_id, publish_at)
            SELECT id, '' FROM records WHERE published_version IS NOT NULL AND status <> 'withdrawn'
            ON CONFLICT (record_id) DO UPDATE SET publish_at = ''
            """).run()
    }
}
