import Foundation
import GongkaiCore
import SQLKit

/// The PostgreSQL side of `SearchIndexer`: `record_search` holds the searchable text of exactly the public records;
/// a scheduled publication waits in `search_pending` until its time, as on SQLite. Called inside the transaction of
/// the change, which holds the writer lock, so two indexers never race on a record.
enum PostgresSearchIndexer {
    static func reindex(recordID: Int, now: Date, in db: any SQLDatabase) async throws {
        try await db.raw("DELETE FROM record_search WHERE record_id = \(bind: recordID)").run()
        try await db.raw("DELETE FROM search_pending WHERE record_id = \(bind: recordID)").run()
        guard let row = try await db.raw("""
            SELECT v.content, r.publish_at, r.published_date FROM records r JOIN record_versions v ON v.record_id = r.id AND v.version = r.published_version
            WHERE r.id = \(bind: recordID) AND r.status <> 'withdrawn'
            """).first() else { return }
        if let publishAt = try row.decode(column: "publish_at", as: String?.self), publishAt > Timestamp.string(now) {
            try await db.raw("INSERT INTO search_pending (record_id, publish_at) VALUES (\(bind: recordID), \(bind: publishAt))").run()
            return
        }
        let content = try JSONText.decode(RecordContent.self, try row.decode(column: "content", as: String.self))
        let attachments = try await SearchIndexer.attachmentText(recordID: recordID, in: db)
        let head = SearchGrams.terms(content.title + "\n" + content.documentNumber)
        let grams = Array(Set(head + SearchGrams.terms(content.body + "\n" + attachments))).sorted()
        let key = SearchKey.make(recordID: recordID, publishedDate: try row.decode(column: "published_date", as: String?.self).flatMap(CivilDate.init))
        try await db.raw("""
            INSERT INTO record_search (record_id, title, body, document_number, attachments, sort_key, grams, head_grams)
            VALUES (\(bind: recordID), \(bind: content.title), \(bind: content.body), \(bind: content.documentNumber), \(bind: attachments),
                    \(bind: key), \(bind: grams), \(bind: head.sorted()))
            """).run()
    }
}
