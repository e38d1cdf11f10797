import SQLKit

/// The PostgreSQL side of `SearchIndexer`: `record_search` holds the searchable text of exactly the public records,
/// with the same key and grams as SQLite's index. Called inside the transaction of the change, which holds the
/// writer lock, so two indexers never race on a record.
enum PostgresSearchIndexer {
    static func remove(recordID: Int, in db: any SQLDatabase) async throws {
        try await db.raw("DELETE FROM record_search WHERE record_id = \(bind: recordID)").run()
    }

    static func insert(_ document: SearchDocument, recordID: Int, key: Int, in db: any SQLDatabase) async throws {
        let content = document.content
        let grams = Array(Set(document.headGrams + document.bodyGrams)).sorted()
        try await db.raw("""
            INSERT INTO record_search (record_id, title, body, document_number, attachments, sort_key, grams, head_grams)
            VALUES (\(bind: recordID), \(bind: content.title), \(bind: content.body), \(bind: content.documentNumber),
                    \(bind: document.attachments), \(bind: key), \(bind: grams), \(bind: document.headGrams.sorted()))
            """).run()
    }
}
