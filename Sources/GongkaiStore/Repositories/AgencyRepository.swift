import GongkaiCore
import SQLKit

/// Agencies and their departments, created on first mention and reused after.
enum AgencyRepository {
    static func upsert(_ agency: Agency, in db: any SQLDatabase) async throws -> Int {
        if let id = try await db.select().column("id").from("agencies").where("name", .equal, agency.name)
            .first(decodingColumn: "id", as: Int.self) {
            return id
        }
        return try await db.insert(into: "agencies").columns("name", "organisation_code", "tier")
            .values(SQLBind(agency.name), SQLBind(agency.organisationCode), SQLBind(agency.tier?.rawValue))
            .returning("id").first(decodingColumn: "id", as: Int.self)!
    }

    static func upsertDepartment(_ name: String, agencyID: Int, in db: any SQLDatabase) async throws -> Int {
        if let id = try await db.select().column("id").from("departments")
            .where("agency_id", .equal, agencyID).where("name", .equal, name)
            .first(decodingColumn: "id", as: Int.self) {
            return id
        }
        return try await db.insert(into: "departments").columns("agency_id", "name")
            .values(SQLBind(agencyID), SQLBind(name))
            .returning("id").first(decodingColumn: "id", as: Int.self)!
    }
}
