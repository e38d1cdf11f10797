import SQLKit

/// Search, PostgreSQL: the lowercased copies that rechecks read become two columns, `folded_head` (title and 文号)
/// and `folded_text` (title, 文号, body and attachments), joined by `PostgresSearchIndexer.separator`. A
/// candidate was rechecked with four LIKEs (about 20 µs at a million records, most of a long query's time);
/// now one. A query holding the separator is scanned field by field instead (PostgresRecordSearch), so no hit
/// spans two fields.
enum Migration012SearchFoldedText {
    static let migration = Migration(version: 12, name: "search-folded-text") { db in
        guard db.dialect.name == "postgresql" else { return }
        try await db.raw("""
            ALTER TABLE record_search ADD COLUMN folded_head TEXT NOT NULL DEFAULT '', ADD COLUMN folded_text TEXT NOT NULL DEFAULT ''
            """).run()
        try await db.raw("""
            UPDATE record_search SET folded_head = folded_title || chr(1) || folded_document_number,
                folded_text = folded_title || chr(1) || folded_document_number || chr(1) || folded_body || chr(1) || folded_attachments
            """).run()
        try await db.raw("""
            ALTER TABLE record_search DROP COLUMN folded_title, DROP COLUMN folded_body, DROP COLUMN folded_document_number,
            DROP COLUMN folded_attachments
            """).run()
    }
}
