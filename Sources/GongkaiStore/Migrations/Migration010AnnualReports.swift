import SQLKit

/// 政府信息公开工作年度报告: one row per agency and report year with its workflow state (the record workflow's
/// statuses), and every version: the staff-entered figures and section texts, and for submitted and published
/// versions the whole report as computed then (`snapshot`, JSON), which is what the portal shows.
enum Migration010AnnualReports {
    static let migration = Migration(version: 10, name: "annual_reports") { db in
        try await db.create(table: "annual_reports")
            .column("id", type: .bigint, .primaryKey)
            .column("agency_id", type: .bigint, .notNull, .references("agencies", "id"))
            .column("year", type: .bigint, .notNull)
            .column("status", type: .text, .notNull)
            .column("version", type: .bigint, .notNull)
            .column("published_version", type: .bigint)
            .column("first_published_on", type: .text)
            .column("published_on", type: .text)
            .column("updated_at", type: .text, .notNull)
            .unique("agency_id", "year")
            .run()
        try await db.create(table: "annual_report_versions")
            .column("report_id", type: .bigint, .notNull, .references("annual_reports", "id", onDelete: .cascade))
            .column("version", type: .bigint, .notNull)
            .column("status", type: .text, .notNull)
            .column("figures", type: .text, .notNull)
            .column("sections", type: .text, .notNull)
            .column("snapshot", type: .text)
            .column("edited_by", type: .text, .notNull)
            .column("edited_at", type: .text, .notNull)
            .column("note", type: .text, .notNull)
            .primaryKey("report_id", "version")
            .run()
    }
}
