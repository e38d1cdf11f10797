import SQLKit

/// 依申请公开: disclosure requests with their event log (the clock is always recomputed from it; `phase`, `received`
/// and `due` are cached for lists and refreshed on each change), the public form's submissions for the per-address
/// rate limit, and the per-agency, per-year counter of response-letter numbers.
enum Migration009Requests {
    static let migration = Migration(version: 9, name: "requests") { db in
        try await db.create(table: "disclosure_requests")
            .column("id", type: .bigint, .primaryKey)
            .column("agency_id", type: .bigint, .notNull, .references("agencies", "id"))
            .column("code", type: .text, .notNull, .unique)
            .column("applicant", type: .text, .notNull)
            .column("applicant_name", type: .text, .notNull)
            .column("applicant_kind", type: .text, .notNull)
            .column("applicant_contact", type: .text, .notNull)
            .column("requested_information", type: .text, .notNull)
            .column("form_requirement", type: .text, .notNull)
            .column("delivery", type: .text, .notNull)
            .column("department_id", type: .bigint, .references("departments", "id"))
            .column("events", type: .text, .notNull)
            .column("phase", type: .text, .notNull)
            .column("received", type: .text)
            .column("due", type: .text)
            .column("letter_number", type: .text)
            .column("created_at", type: .text, .notNull)
            .column("updated_at", type: .text, .notNull)
            .run()
        try await db.raw("CREATE INDEX disclosure_requests_agency ON disclosure_requests (agency_id, phase)").run()
        try await db.create(table: "request_submissions")
            .column("id", type: .bigint, .primaryKey)
            .column("address", type: .text, .notNull)
            .column("at", type: .text, .notNull)
            .run()
        try await db.raw("CREATE INDEX request_submissions_address ON request_submissions (address, at)").run()
        try await db.create(table: "request_letter_counters")
            .column("agency_id", type: .bigint, .notNull, .references("agencies", "id"))
            .column("year", type: .bigint, .notNull)
            .column("last", type: .bigint, .notNull)
            .unique("agency_id", "year")
            .run()
    }
}
