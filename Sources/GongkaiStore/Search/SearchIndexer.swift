import Foundation
import GongkaiCore
import SQLKit

/// Keeps the search index in step with what the public may see; called in the same transaction as the change.
///
/// The index holds exactly the public records: scheduled publications wait in `search_pending` until their time.
/// Rows are keyed by `SearchKey` (发布日期, then record id), so rowid order is "newest first".
public enum SearchIndexer {
    /// Whether `search_terms` is updated with each record (the default), or left to one `finishBulkLoad` after a bulk load.
    public enum TermCounting: Sendable { case maintain, deferred }

    public static func reindex(recordID: Int, now: Date = Date(), termCounting: TermCounting = .maintain, in db: any SQLDatabase) async throws {
        guard let row = try await db.raw("""
            SELECT r.published_date, r.publish_at, r.status, v.content FROM records r
            LEFT JOIN record_versions v ON v.record_id = r.id AND v.version = r.published_version WHERE r.id = \(bind: recordID)
            """).first() else { return }
        let publishedDate = try row.decode(column: "published_date", as: String?.self).flatMap(CivilDate.init)
        let key = SearchKey.make(recordID: recordID, publishedDate: publishedDate)
        let postgres = db.dialect.name == "postgresql"
        if postgres {
            try await PostgresSearchIndexer.remove(recordID: recordID, termCounting: termCounting, in: db)
        } else {
            try await removeFromFTS(key: key, termCounting: termCounting, in: db)
        }
        try await db.raw("DELETE FROM search_pending WHERE record_id = \(bind: recordID)").run()
        guard try row.decode(column: "status", as: String.self) != RecordStatus.withdrawn.rawValue,
              let json = try row.decode(column: "content", as: String?.self) else { return }
        if let publishAt = try row.decode(column: "publish_at", as: String?.self), publishAt > Timestamp.string(now) {
            try await db.raw("INSERT INTO search_pending (record_id, publish_at) VALUES (\(bind: recordID), \(bind: publishAt))").run()
            return
        }
        let document = SearchDocument(content: try JSONText.decode(RecordContent.self, json),
                                      attachments: try await attachmentText(recordID: recordID, in: db))
        if postgres {
            try await PostgresSearchIndexer.insert([(recordID, key, document)], termCounting: termCounting, in: db)
        } else {
            try await insertIntoFTS(document, key: key, termCounting: termCounting, in: db)
        }
    }

    private static func removeFromFTS(key: Int, termCounting: TermCounting, in db: any SQLDatabase) async throws {
        if termCounting == .maintain, let old = try await db.raw("SELECT head, body FROM record_grams WHERE rowid = \(bind: key)").first() {
            try await SearchTermCounts.remove(head: try old.decode(column: "head", as: String.self),
                                              body: try old.decode(column: "body", as: String.self), in: db)
        }
        try await db.raw("DELETE FROM record_fts WHERE rowid = \(bind: key)").run()
        try await db.raw("DELETE FROM record_grams WHERE rowid = \(bind: key)").run()
    }

    private static func insertIntoFTS(_ document: SearchDocument, key: Int, termCounting: TermCounting, in db: any SQLDatabase) async throws {
        let content = document.content
        let head = document.headGrams.map(SearchGrams.encode), body = document.bodyGrams.map(SearchGrams.encode)
        try await db.raw("""
            INSERT INTO record_fts (rowid, title, body, document_number, attachments)
            VALUES (\(bind: key), \(bind: content.title), \(bind: content.body), \(bind: content.documentNumber), \(bind: document.attachments))
            """).run()
        try await db.raw("""
            INSERT INTO record_grams (rowid, head, body)
            VALUES (\(bind: key), \(bind: head.joined(separator: " ")), \(bind: body.joined(separator: " ")))
            """).run()
        if termCounting == .maintain { try await SearchTermCounts.add(head: head, body: body, in: db) }
    }

    /// Indexes records that were just written, are public now and have no attachments (a bulk load): on
    /// PostgreSQL a few statements for the whole batch instead of several per record.
    public static func indexNew(_ records: [(recordID: Int, publishedDate: CivilDate?, content: RecordContent)],
                                termCounting: TermCounting = .maintain, in db: any SQLDatabase) async throws {
        let documents = records.map {
            (recordID: $0.recordID, key: SearchKey.make(recordID: $0.recordID, publishedDate: $0.publishedDate),
             document: SearchDocument(content: $0.content, attachments: ""))
        }
        if db.dialect.name == "postgresql" {
            return try await PostgresSearchIndexer.insert(documents, termCounting: termCounting, in: db)
        }
        for entry in documents { try await insertIntoFTS(entry.document, key: entry.key, termCounting: termCounting, in: db) }
    }

    /// Before a bulk load of many records with `.deferred`: on PostgreSQL drops the indexes that `finishBulkLoad`
    /// builds again in one pass. Searches in between are slow, not wrong; a load interrupted before the finish
    /// leaves them slow until the next `finishBulkLoad`.
    public static func beginBulkLoad(in db: any SQLDatabase) async throws {
        if db.dialect.name == "postgresql" { try await PostgresSearchIndexer.beginBulkLoad(in: db) }
    }

    /// After records were indexed with `.deferred`: rebuilds the per-term counts, and (SQLite) merges each index
    /// into one segment (FTS5 'optimize'; a bulk load leaves many, and counting over one is about twice as fast).
    /// PostgreSQL also refreshes the planner's statistics.
    public static func finishBulkLoad(in db: any SQLDatabase) async throws {
        if db.dialect.name == "postgresql" { return try await PostgresSearchIndexer.recount(in: db) }
        try await SearchTermCounts.recount(in: db)
        for table in ["record_fts", "record_grams"] {
            try await db.raw("INSERT INTO \(unsafeRaw: table) (\(unsafeRaw: table)) VALUES ('optimize')").run()
        }
    }

    /// The text read from a record's attachments (AttachmentText), in their order.
    static func attachmentText(recordID: Int, in db: any SQLDatabase) async throws -> String {
        try await db.raw("""
            SELECT t.text FROM record_attachments ra JOIN attachment_texts t ON t.sha256 = ra.sha256
            WHERE ra.record_id = \(bind: recordID) ORDER BY ra.position
            """).all().map { try $0.decode(column: "text", as: String.self) }.joined(separator: "\n")
    }

    /// Indexes the records queued in `search_pending` whose time has come: scheduled publications, and every
    /// public record after a migration rebuilt the index. Cheap when there are none (one indexed query).
    public static func indexDue(now: Date = Date(), bulkThreshold: Int = 500, in database: GongkaiDatabase,
                                progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil) async throws {
        let stamp = Timestamp.string(now)
        let dueCount = try await database.sql.raw("SELECT COUNT(*) AS n FROM search_pending WHERE publish_at <= \(bind: stamp)").first()!
            .decode(column: "n", as: Int.self)
        guard dueCount > 0 else { return }
        // A long queue (an index rebuild) counts terms once, in the last batch's transaction, instead of record by record.
        let bulk = dueCount > bulkThreshold
        let batchSize = 2_000
        var done = 0
        while true {
            let due = try await database.sql.raw("""
                SELECT record_id FROM search_pending WHERE publish_at <= \(bind: stamp) LIMIT \(unsafeRaw: String(batchSize))
                """).all().map { try $0.decode(column: "record_id", as: Int.self) }
            let last = due.count < batchSize
            try await database.transaction { db in
                for id in due { try await reindex(recordID: id, now: now, termCounting: bulk ? .deferred : .maintain, in: db) }
                if bulk && last { try await finishBulkLoad(in: db) }
            }
            done += due.count
            progress?(done, dueCount)
            if last { return }
        }
    }
}

/// What the search indexes of one public record: its published content, its attachments' text, and the grams
/// (plain, SearchGrams.grams) of its title and 文号 (head) and of its body and attachments.
struct SearchDocument {
    let content: RecordContent
    let attachments: String
    let headGrams: [String]
    let bodyGrams: [String]

    init(content: RecordContent, attachments: String) {
        self.content = content
        self.attachments = attachments
        headGrams = SearchGrams.grams(content.title + "\n" + content.documentNumber)
        bodyGrams = SearchGrams.grams(content.body + "\n" + attachments)
    }
}

/// The rowid of a record in the search tables: 发布日期 (days since 1970) in the high bits and the record id in the
/// low 32, so that descending rowid is newest-first with ties broken by id, the order of the public item pages.
/// 发布日期 is set once, at first publication, so a record's key never changes.
public enum SearchKey {
    public static func make(recordID: Int, publishedDate: CivilDate?) -> Int {
        (max(publishedDate?.dayNumber ?? 0, 0) << 32) | (recordID & 0xFFFF_FFFF)
    }

    public static func recordID(_ key: Int) -> Int { key & 0xFFFF_FFFF }
}
