import Foundation
import GongkaiCore
import SQLKit

/// Keeps the search index in step with what the public may see; called in the same transaction as the change.
public enum SearchIndexer {
    public static func reindex(recordID: Int, now: Date = Date(), in db: any SQLDatabase) async throws {
        if db.dialect.name == "postgresql" { return try await PostgresSearchIndexer.reindex(recordID: recordID, now: now, in: db) }
        try await db.raw("DELETE FROM record_fts WHERE rowid = \(bind: recordID)").run()
        try await db.raw("DELETE FROM record_grams WHERE rowid = \(bind: recordID)").run()
        try await db.raw("DELETE FROM search_pending WHERE record_id = \(bind: recordID)").run()
        guard let row = try await db.raw("""
            SELECT v.content, r.publish_at FROM records r JOIN record_versions v ON v.record_id = r.id AND v.version = r.published_version
            WHERE r.id = \(bind: recordID) AND r.status <> 'withdrawn'
            """).first() else { return }
        if let publishAt = try row.decode(column: "publish_at", as: String?.self), publishAt > Timestamp.string(now) {
            try await db.raw("INSERT INTO search_pending (record_id, publish_at) VALUES (\(bind: recordID), \(bind: publishAt))").run()
            return
        }
        let content = try JSONText.decode(RecordContent.self, try row.decode(column: "content", as: String.self))
        try await db.raw("""
            INSERT INTO record_fts (rowid, title, body, document_number)
            VALUES (\(bind: recordID), \(bind: content.title), \(bind: content.body), \(bind: content.documentNumber))
            """).run()
        let grams = SearchGrams.document(content.title + "\n" + content.body + "\n" + content.documentNumber)
        try await db.raw("INSERT INTO record_grams (rowid, grams) VALUES (\(bind: recordID), \(bind: grams))").run()
    }
}
