import Crypto
import Foundation
import GongkaiCore
import SQLKit

/// The append-only, hash-chained audit trail. Entries are written by the same transaction as the change
/// they describe, so a change without its entry (or the reverse) cannot be committed.
public struct AuditLog: Sendable {
    let database: GongkaiDatabase
    public init(_ database: GongkaiDatabase) { self.database = database }

    static let genesis = String(repeating: "0", count: 64)

    static func sha256(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// Appends one entry inside the caller's transaction.
    static func append(actor: String, action: String, objectType: String, objectID: String, agencyID: Int?,
                       before: String, after: String, in db: any SQLDatabase) async throws {
        let last = try await db.select().columns("id", "hash").from("audit_log").orderBy("id", .descending).limit(1).first()
        let id = (try last?.decode(column: "id", as: Int.self) ?? 0) + 1
        let previous = try last?.decode(column: "hash", as: String.self) ?? genesis
        var entry = AuditEntry(id: id, at: Timestamp.now(), actor: actor, action: action, objectType: objectType, objectID: objectID,
                               agencyID: agencyID, before: before, after: after, previousHash: previous, hash: "")
        entry.hash = sha256(entry.hashedText)
        try await db.insert(into: "audit_log")
            .columns("id", "at", "actor", "action", "object_type", "object_id", "agency_id", "before", "after", "previous_hash", "hash")
            .values(SQLBind(entry.id), SQLBind(entry.at), SQLBind(entry.actor), SQLBind(entry.action), SQLBind(entry.objectType),
                    SQLBind(entry.objectID), SQLBind(entry.agencyID), SQLBind(entry.before), SQLBind(entry.after),
                    SQLBind(entry.previousHash), SQLBind(entry.hash))
            .run()
    }

    public enum Verification: Equatable, Sendable {
        case intact(entries: Int)
        /// The first entry whose stored hash or link does not match.
        case broken(entryID: Int, reason: String)
    }

    public func verify() async throws -> Verification {
        var previous = Self.genesis
        var expectedID = 1
        var count = 0
        for entry in try await entries(limit: nil, ascending: true) {
            if entry.id != expectedID { return .broken(entryID: entry.id, reason: "编号不连续（应为\(expectedID)），可能有记录被删除") }
            if entry.previousHash != previous { return .broken(entryID: entry.id, reason: "与上一条记录的哈希不衔接") }
            if Self.sha256(entry.hashedText) != entry.hash { return .broken(entryID: entry.id, reason: "内容与哈希不符，记录被改动") }
            previous = entry.hash
            expectedID += 1
            count += 1
        }
        return .intact(entries: count)
    }

    public struct Filter: Sendable {
        public var agencyID: Int?
        public var actor: String?
        public var objectType: String?
        public var objectID: String?
        public init(agencyID: Int? = nil, actor: String? = nil, objectType: String? = nil, objectID: String? = nil) {
            self.agencyID = agencyID
            self.actor = actor
            self.objectType = objectType
            self.objectID = objectID
        }
    }

    public func entries(limit: Int?, ascending: Bool = false, filter: Filter = Filter()) async throws -> [AuditEntry] {
        var query = database.sql.select().column("*").from("audit_log").orderBy("id", ascending ? .ascending : .descending)
        if let agency = filter.agencyID { query = query.where("agency_id", .equal, agency) }
        if let actor = filter.actor, !actor.isEmpty { query = query.where("actor", .equal, actor) }
        if let type = filter.objectType, !type.isEmpty { query = query.where("object_type", .equal, type) }
        if let object = filter.objectID, !object.isEmpty { query = query.where("object_id", .equal, object) }
        if let limit { query = query.limit(limit) }
        return try await query.all().map { row in
            AuditEntry(id: try row.decode(column: "id", as: Int.self), at: try row.decode(column: "at", as: String.self),
                       actor: try row.decode(column: "actor", as: String.self), action: try row.decode(column: "action", as: String.self),
                       objectType: try row.decode(column: "object_type", as: String.self),
                       objectID: try row.decode(column: "object_id", as: String.self),
                       agencyID: try row.decode(column: "agency_id", as: Int?.self),
                       before: try row.decode(column: "before", as: String.self), after: try row.decode(column: "after", as: String.self),
                       previousHash: try row.decode(column: "previous_hash", as: String.self),
                       hash: try row.decode(column: "hash", as: String.self))
        }
    }
}
