import GongkaiCore
import SQLKit

/// The compliance monitor's facts. A sweep over a million records cannot decode each record's JSON content, so
/// publication copies what the monitor reads into columns of `records` (ComplianceColumns): 信息形成日期, 成文日期,
/// 所报期间, 有效性 and 有效期至, and the kinds of personal data the guard found with the reviewer's reason for
/// publishing anyway. Per item: a title pattern. Per department: the token of its calendar feed. Per agency: the
/// day monitoring starts (no obligation is counted before it). Per catalog: its 发布日期 when the file states one.
enum Migration008Compliance {
    static let migration = Migration(version: 8, name: "compliance") { db in
        for column in ["trigger_date", "written_date", "reporting_period", "validity", "valid_until", "personal_data_override"] {
            try await db.raw("ALTER TABLE records ADD COLUMN \(unsafeRaw: column) TEXT").run()
        }
        try await db.raw("ALTER TABLE records ADD COLUMN personal_data TEXT NOT NULL DEFAULT ''").run()
        try await db.raw("ALTER TABLE agencies ADD COLUMN compliance_since TEXT").run()
        try await db.raw("ALTER TABLE catalogs ADD COLUMN published_on TEXT").run()
        try await db.create(table: "item_title_patterns")
            .column("node_id", type: .bigint, .primaryKey(autoIncrement: false), .references("catalog_nodes", "id", onDelete: .cascade))
            .column("pattern", type: .text, .notNull)
            .run()
        try await db.create(table: "calendar_feeds")
            .column("department_id", type: .bigint, .primaryKey(autoIncrement: false), .references("departments", "id", onDelete: .cascade))
            .column("token", type: .text, .notNull, .unique)
            .column("created_at", type: .text, .notNull)
            .run()
        // Records published before this migration: their facts come from the published version.
        let rows = try await db.raw("""
            SELECT r.id, v.content FROM records r JOIN record_versions v ON v.record_id = r.id AND v.version = r.published_version
            """).all()
        for row in rows {
            let content = try JSONText.decode(RecordContent.self, try row.decode(column: "content", as: String.self))
            try await ComplianceColumns.writeContent(recordID: try row.decode(column: "id", as: Int.self), content, in: db)
        }
    }
}
