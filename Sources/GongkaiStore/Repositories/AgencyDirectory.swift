import GongkaiCore
import SQLKit

/// Agencies and departments as staff manage them (AgencyRepository does the import-time upserts).
public struct AgencyDirectory: Sendable {
    let database: GongkaiDatabase
    public init(_ database: GongkaiDatabase) { self.database = database }

    public struct AgencyRow: Codable, Sendable, Equatable {
        public var id: Int
        public var name: String
        public var organisationCode: String?
    }

    public struct DepartmentRow: Codable, Sendable, Equatable {
        public var id: Int
        public var agencyID: Int
        public var name: String
    }

    public func agencies() async throws -> [AgencyRow] {
        try await database.sql.select().columns("id", "name", "organisation_code").from("agencies").orderBy("id").all().map {
            AgencyRow(id: try $0.decode(column: "id", as: Int.self), name: try $0.decode(column: "name", as: String.self),
                      organisationCode: try $0.decode(column: "organisation_code", as: String?.self))
        }
    }

    public func agency(id: Int) async throws -> AgencyRow? { try await agencies().first { $0.id == id } }

    public func departments(agencyID: Int) async throws -> [DepartmentRow] {
        try await database.sql.select().columns("id", "agency_id", "name").from("departments")
            .where("agency_id", .equal, agencyID).orderBy("id").all().map {
                DepartmentRow(id: try $0.decode(column: "id", as: Int.self), agencyID: try $0.decode(column: "agency_id", as: Int.self),
                              name: try $0.decode(column: "name", as: String.self))
            }
    }

    public func department(id: Int) async throws -> DepartmentRow? {
        try await database.sql.select().columns("id", "agency_id", "name").from("departments").where("id", .equal, id).first().map {
            DepartmentRow(id: try $0.decode(column: "id", as: Int.self), agencyID: try $0.decode(column: "agency_id", as: Int.self),
                          name: try $0.decode(column: "name", as: String.self))
        }
    }

    /// Validates a 统一社会信用代码 (18 characters of digits and capital letters, 国家标准 GB 32100);
    /// only the shape is checked here, not the check digit.
    public static func isPlausibleOrganisationCode(_ code: String) -> Bool {
        code.count == 18 && code.allSatisfy { ($0.isASCII && $0.isNumber) || ($0.isASCII && $0.isUppercase) }
    }

    @discardableResult
    public func createAgency(name: String, organisationCode: String?, actor: String) async throws -> Int {
        let name = name.trimmed
        guard !name.isEmpty else { throw AccountRepository.Failure.invalid("机关名称不能为空。") }
        if let code = organisationCode, !code.isEmpty, !Self.isPlausibleOrganisationCode(code) {
            throw AccountRepository.Failure.invalid("统一社会信用代码应为18位数字或大写字母。")
        }
        return try await database.transaction { db in
            if try await db.select().column("id").from("agencies").where("name", .equal, name).first() != nil {
                throw AccountRepository.Failure.invalid("机关“\(name)”已存在。")
            }
            let id = try await db.insert(into: "agencies").columns("name", "organisation_code")
                .values(SQLBind(name), SQLBind(organisationCode?.isEmpty == false ? organisationCode : nil))
                .returning("id").first(decodingColumn: "id", as: Int.self)!
            try await AuditLog.append(actor: actor, action: "agency.created", objectType: "agency", objectID: String(id), agencyID: id,
                                      before: "", after: name, in: db)
            return id
        }
    }

    public func setOrganisationCode(agencyID: Int, code: String, actor: String) async throws {
        guard Self.isPlausibleOrganisationCode(code) else { throw AccountRepository.Failure.invalid("统一社会信用代码应为18位数字或大写字母。") }
        try await database.transaction { db in
            let before = try await db.select().column("organisation_code").from("agencies").where("id", .equal, agencyID)
                .first(decodingColumn: "organisation_code", as: String?.self) ?? nil
            try await db.update("agencies").set("organisation_code", to: code).where("id", .equal, agencyID).run()
            try await AuditLog.append(actor: actor, action: "agency.codeChanged", objectType: "agency", objectID: String(agencyID),
                                      agencyID: agencyID, before: before ?? "", after: code, in: db)
        }
    }

    public func renameDepartment(id: Int, agencyID: Int, name: String, actor: String) async throws {
        let name = name.trimmed
        guard !name.isEmpty else { throw AccountRepository.Failure.invalid("科室名称不能为空。") }
        try await database.transaction { db in
            guard let before = try await db.select().column("name").from("departments").where("id", .equal, id).where("agency_id", .equal, agencyID)
                .first(decodingColumn: "name", as: String.self) else { throw AccountRepository.Failure.invalid("没有该科室。") }
            if try await db.select().column("id").from("departments").where("agency_id", .equal, agencyID).where("name", .equal, name).first() != nil {
                throw AccountRepository.Failure.invalid("科室“\(name)”已存在。")
            }
            try await db.update("departments").set("name", to: name).where("id", .equal, id).run()
            try await AuditLog.append(actor: actor, action: "department.renamed", objectType: "department", objectID: String(id),
                                      agencyID: agencyID, before: before, after: name, in: db)
        }
    }

    @discardableResult
    public func createDepartment(agencyID: Int, name: String, actor: String) async throws -> Int {
        let name = name.trimmed
        guard !name.isEmpty else { throw AccountRepository.Failure.invalid("科室名称不能为空。") }
        return try await database.transaction { db in
            let id = try await AgencyRepository.upsertDepartment(name, agencyID: agencyID, in: db)
            try await AuditLog.append(actor: actor, action: "department.created", objectType: "department", objectID: String(id),
                                      agencyID: agencyID, before: "", after: name, in: db)
            return id
        }
    }
}
