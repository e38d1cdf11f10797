import Foundation
import GongkaiCore
import SQLKit

/// Read-only queries for the public portal: what the public may see, and nothing else.
public struct PortalQueries: Sendable {
    let database: GongkaiDatabase
    public init(_ database: GongkaiDatabase) { self.database = database }

    public struct PublicRecordRow: Codable, Sendable, Equatable {
        public var id: Int
        public var title: String
        public var publishedDate: String
        public var indexNumber: String
        public var agencyID: Int
        public var updatedAt: String
    }

    static func publicCondition(_ now: Date) -> String {
        "r.published_version IS NOT NULL AND r.status <> 'withdrawn' AND (r.publish_at IS NULL OR r.publish_at <= '\(Timestamp.string(now))')"
    }

    private func rows(_ sql: String) async throws -> [PublicRecordRow] {
        try await database.sql.raw("\(unsafeRaw: sql)").all().map {
            PublicRecordRow(id: try $0.decode(column: "id", as: Int.self), title: try $0.decode(column: "title", as: String.self),
                            publishedDate: try $0.decode(column: "published_date", as: String?.self) ?? "",
                            indexNumber: try $0.decode(column: "index_number", as: String?.self) ?? "",
                            agencyID: try $0.decode(column: "agency_id", as: Int.self),
                            updatedAt: try $0.decode(column: "updated_at", as: String.self))
        }
    }

    /// Public records under an item, newest first.
    public func records(itemNodeID: Int, page: Int, pageSize: Int, now: Date = Date()) async throws -> (total: Int, rows: [PublicRecordRow]) {
        let base = "FROM records r JOIN record_items ri ON ri.record_id = r.id WHERE ri.node_id = \(itemNodeID) AND \(Self.publicCondition(now))"
        let total = try await database.sql.raw("\(unsafeRaw: "SELECT COUNT(*) AS n " + base)").first()!.decode(column: "n", as: Int.self)
        let list = try await rows("SELECT r.id, r.title, r.published_date, r.index_number, r.agency_id, r.updated_at \(base) "
                                  + "ORDER BY r.published_date DESC, r.id DESC LIMIT \(pageSize) OFFSET \((min(max(page, 1), SearchQuery.maxPage) - 1) * pageSize)")
        return (total, list)
    }

    /// 通知公告 for the home page: the newest public records whose title says 通知 or 公告. No seed catalog has a
    /// column of that name, so the title decides.
    public func notices(limit: Int, now: Date = Date()) async throws -> [PublicRecordRow] {
        try await rows("SELECT r.id, r.title, r.published_date, r.index_number, r.agency_id, r.updated_at FROM records r WHERE \(Self.publicCondition(now))"
                       + " AND (r.title LIKE '%通知%' OR r.title LIKE '%公告%') ORDER BY r.published_date DESC, r.id DESC LIMIT \(limit)")
    }

    /// Public records of an agency (nil: all), newest first.
    public func records(agencyID: Int?, limit: Int?, now: Date = Date()) async throws -> [PublicRecordRow] {
        var sql = "SELECT r.id, r.title, r.published_date, r.index_number, r.agency_id, r.updated_at FROM records r WHERE \(Self.publicCondition(now))"
        if let agencyID { sql += " AND r.agency_id = \(agencyID)" }
        sql += " ORDER BY r.published_date DESC, r.id DESC"
        if let limit { sql += " LIMIT \(limit)" }
        return try await rows(sql)
    }

    public func emptyReason(itemNodeID: Int) async throws -> String? {
        try await database.sql.select().column("reason").from("item_empty_reasons").where("node_id", .equal, itemNodeID)
            .first(decodingColumn: "reason", as: String.self)
    }

    /// Records the reason an item has no information (国务院办公厅：确无信息的栏目应备注说明).
    public func setEmptyReason(itemNodeID: Int, reason: String, by user: User, agencyID: Int) async throws {
        try await database.transaction { db in
            let before = try await db.select().column("reason").from("item_empty_reasons").where("node_id", .equal, itemNodeID)
                .first(decodingColumn: "reason", as: String.self) ?? ""
            try await db.delete(from: "item_empty_reasons").where("node_id", .equal, itemNodeID).run()
            if !reason.trimmed.isEmpty {
                try await db.insert(into: "item_empty_reasons").columns("node_id", "reason").values(SQLBind(itemNodeID), SQLBind(reason.trimmed)).run()
            }
            try await AuditLog.append(actor: user.username, action: "item.emptyReasonChanged", objectType: "item", objectID: String(itemNodeID),
                                      agencyID: agencyID, before: before, after: reason.trimmed, in: db)
        }
    }

    /// The number of the newest audit entry: every change to what the public sees appends one, so it versions cached pages.
    /// Whether the agency has published any annual report (the portal then links to the list of reports).
    public func hasAnnualReports(agencyID: Int) async throws -> Bool {
        try await !AnnualReportRepository(database).publicationDates(agencyID: agencyID).isEmpty
    }

    /// How many records are public at `now`: it grows when a scheduled publication's minute comes, which writes no
    /// audit entry then.
    public func publicRecordCount(now: Date) async throws -> Int {
        try await database.sql.raw("\(unsafeRaw: "SELECT COUNT(*) AS n FROM records r WHERE \(Self.publicCondition(now))")").first()!
            .decode(column: "n", as: Int.self)
    }

    /// Whether an audit entry after `auditID` is about something other than records, requests, accounts and annual
    /// reports: a catalog, item, agency or department change can alter every record page (their paths and names).
    public func changesBeyondRecords(after auditID: Int) async throws -> Bool {
        try await database.sql.raw("""
            SELECT COUNT(*) AS n FROM audit_log WHERE id > \(bind: auditID)
            AND object_type NOT IN ('record', 'request', 'user', 'annual_report')
            """).first()!.decode(column: "n", as: Int.self) > 0
    }

    /// The records linked to any of `ids` as policy and 解读, either way round.
    public func linkedRecords(_ ids: Set<Int>) async throws -> Set<Int> {
        guard !ids.isEmpty else { return [] }
        let list = ids.sorted().map(String.init).joined(separator: ",")
        let rows = try await database.sql.raw("""
            SELECT policy_id AS a, interpretation_id AS b FROM record_links WHERE policy_id IN (\(unsafeRaw: list)) OR interpretation_id IN (\(unsafeRaw: list))
            """).all()
        return Set(try rows.flatMap { [try $0.decode(column: "a", as: Int.self), try $0.decode(column: "b", as: Int.self)] }).subtracting(ids)
    }

    public func contentVersion() async throws -> Int {
        try await database.sql.raw("SELECT COALESCE(MAX(id), 0) AS v FROM audit_log").first()!.decode(column: "v", as: Int.self)
    }
}
