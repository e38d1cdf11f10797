import GongkaiCore
import SQLKit

/// Per-agency and per-item settings of the compliance monitor, each change audited.
extension ComplianceRepository {
    /// The day each agency's monitoring began, where one is set.
    public func monitoringStarts() async throws -> [Int: CivilDate] {
        var result: [Int: CivilDate] = [:]
        for row in try await database.sql.raw("SELECT id, compliance_since FROM agencies WHERE compliance_since IS NOT NULL").all() {
            if let date = CivilDate(try row.decode(column: "compliance_since", as: String.self)) {
                result[try row.decode(column: "id", as: Int.self)] = date
            }
        }
        return result
    }

    /// Obligations before `date` are not counted for the agency (the day it started using Gongkai, say). Audited.
    public func setMonitoringStart(agencyID: Int, date: CivilDate?, actor: String) async throws {
        try await database.transaction { db in
            try await db.update("agencies").set("compliance_since", to: date?.description).where("id", .equal, agencyID).run()
            try await AuditLog.append(actor: actor, action: "agency.compliance_since", objectType: "agency", objectID: String(agencyID),
                                      agencyID: agencyID, before: "", after: date?.description ?? "", in: db)
        }
    }

    public func titlePattern(nodeID: Int) async throws -> String? {
        try await database.sql.select().column("pattern").from("item_title_patterns").where("node_id", .equal, nodeID)
            .first(decodingColumn: "pattern", as: String.self)
    }

    /// Sets or clears (empty pattern) the title pattern of an item. Audited.
    public func setTitlePattern(nodeID: Int, agencyID: Int, pattern: String, actor: String) async throws {
        try await database.transaction { db in
            try await db.delete(from: "item_title_patterns").where("node_id", .equal, nodeID).run()
            if !pattern.trimmed.isEmpty {
                try await db.insert(into: "item_title_patterns").columns("node_id", "pattern").values(SQLBind(nodeID), SQLBind(pattern.trimmed)).run()
            }
            try await AuditLog.append(actor: actor, action: "item.title_pattern", objectType: "item", objectID: String(nodeID),
                                      agencyID: agencyID, before: "", after: pattern.trimmed, in: db)
        }
    }
}
