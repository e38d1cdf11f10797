import GongkaiCore
import SQLKit

/// The secret tokens of the departments' calendar feeds (`/ical/departments/ID.ics?token=…`): 256 random bits
/// as 64 hex digits, stored as they are because the feed address is shown to administrators again and again.
/// Creating and replacing a token is audited with a fingerprint of it, never the token itself.
public struct CalendarFeedRepository: Sendable {
    let database: GongkaiDatabase
    public init(_ database: GongkaiDatabase) { self.database = database }

    /// Department id → token, for the departments of one agency that have a feed.
    public func tokens(agencyID: Int) async throws -> [Int: String] {
        var result: [Int: String] = [:]
        for row in try await database.sql.raw("""
            SELECT f.department_id, f.token FROM calendar_feeds f JOIN departments d ON d.id = f.department_id
            WHERE d.agency_id = \(bind: agencyID)
            """).all() {
            result[try row.decode(column: "department_id", as: Int.self)] = try row.decode(column: "token", as: String.self)
        }
        return result
    }

    /// Gives the department a new token (its first, or one replacing the old, whose address stops working). Audited.
    @discardableResult
    public func rotate(departmentID: Int, agencyID: Int, actor: String) async throws -> String {
        let token = AccountRepository.randomToken()
        try await database.transaction { db in
            guard try await db.select().column("id").from("departments").where("id", .equal, departmentID)
                .where("agency_id", .equal, agencyID).first() != nil else { throw AccountRepository.Failure.invalid("没有该科室。") }
            let old = try await db.select().column("token").from("calendar_feeds").where("department_id", .equal, departmentID)
                .first(decodingColumn: "token", as: String.self)
            try await db.delete(from: "calendar_feeds").where("department_id", .equal, departmentID).run()
            try await db.insert(into: "calendar_feeds").columns("department_id", "token", "created_at")
                .values(SQLBind(departmentID), SQLBind(token), SQLBind(Timestamp.now())).run()
            try await AuditLog.append(actor: actor, action: old == nil ? "calendar_feed.created" : "calendar_feed.rotated",
                                      objectType: "department", objectID: String(departmentID), agencyID: agencyID,
                                      before: old.map(Self.fingerprint) ?? "", after: Self.fingerprint(token), in: db)
        }
        return token
    }

    /// The department whose feed `token` opens, or nil (no such department, no feed, or another token).
    public func department(id: Int, token: String) async throws -> AgencyDirectory.DepartmentRow? {
        guard let row = try await database.sql.raw("""
            SELECT d.id, d.agency_id, d.name, f.token FROM departments d JOIN calendar_feeds f ON f.department_id = d.id
            WHERE d.id = \(bind: id)
            """).first() else { return nil }
        guard Self.constantTimeEqual(try row.decode(column: "token", as: String.self), token) else { return nil }
        return AgencyDirectory.DepartmentRow(id: try row.decode(column: "id", as: Int.self), agencyID: try row.decode(column: "agency_id", as: Int.self),
                                             name: try row.decode(column: "name", as: String.self))
    }

    /// What the audit trail shows of a token: "指纹 1a2b3c4d" (the start of its SHA-256).
    static func fingerprint(_ token: String) -> String { "指纹 " + AuditLog.sha256(token).prefix(8) }

    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

extension ComplianceRepository {
    /// Item (catalog node) id → ids of its responsible departments, in the catalog's order, for the current
    /// catalogs of all agencies or of one.
    public func departmentsByItem(agencyID: Int? = nil) async throws -> [Int: [Int]] {
        let scope: SQLQueryString = agencyID.map { "AND c.agency_id = \(bind: $0)" } ?? ""
        var result: [Int: [Int]] = [:]
        for row in try await database.sql.raw("""
            SELECT d.node_id, d.department_id FROM item_departments d JOIN catalog_nodes n ON n.id = d.node_id
            JOIN catalogs c ON c.id = n.catalog_id
            WHERE c.status = 'adopted' \(scope) ORDER BY d.node_id, d.position
            """).all() {
            result[try row.decode(column: "node_id", as: Int.self), default: []].append(try row.decode(column: "department_id", as: Int.self))
        }
        return result
    }
}
