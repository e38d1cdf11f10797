import Foundation
import GongkaiCore
import GongkaiInterchange
import GongkaiStore
import GongkaiTestSupport
import GongkaiWeb
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// A fresh database (SQLite unless a test asks for PostgreSQL) with 沂源's catalog (from the seed file), an organisation code and one account per role,
/// plus a second agency (灌南) for cross-agency checks.
// @unchecked: `router` is only read, to build the Application, before requests run.
struct WebFixture: @unchecked Sendable {
    let database: GongkaiDatabase
    let accounts: AccountRepository
    let router: GongkaiSite
    let yiyuan: Int
    let guannan: Int
    var users: [String: User] = [:]

    static let password = "correct horse battery"

    /// Runs `body` with a fresh fixture and always closes and deletes its database (an open SQLite connection
    /// must not be dropped).
    static func with(_ backend: StoreBackend = .sqlite, _ body: (WebFixture) async throws -> Void) async throws {
        try await TestDatabase.with(backend) { database in
            try await body(try await make(database))
        }
    }

    static func make(_ database: GongkaiDatabase) async throws -> WebFixture {
        let (yiyuan, guannan) = try await TestAgencies.create(in: database)
        let agencies = AgencyDirectory(database)
        let accounts = AccountRepository(database, bcryptCost: 4)
        let router = try await buildSite(database: database, calendar: WorkingCalendar(try HolidayData.bundledYears()),
                                           config: WebConfig(bcryptCost: 4, contentCheckInterval: .zero, strictTemplates: true))
        var fixture = WebFixture(database: database, accounts: accounts, router: router, yiyuan: yiyuan, guannan: guannan)
        let departments = try await agencies.departments(agencyID: yiyuan)
        func department(_ name: String) -> Int { departments.first { $0.name == name }!.id }
        fixture.users["sysadmin"] = try await accounts.create(username: "sysadmin", displayName: "系统管理员", password: password, role: .systemAdmin, agencyID: nil, actor: "test")
        fixture.users["agencyadmin"] = try await accounts.create(username: "agencyadmin", displayName: "沂源管理员", password: password, role: .agencyAdmin, agencyID: yiyuan, actor: "test")
        fixture.users["editor"] = try await accounts.create(username: "editor", displayName: "基金监管科编辑", password: password, role: .editor,
                                                           agencyID: yiyuan, departmentIDs: [department("基金监管科")], actor: "test")
        fixture.users["reviewer"] = try await accounts.create(username: "reviewer", displayName: "沂源审核员", password: password, role: .reviewer, agencyID: yiyuan, actor: "test")
        let guannanOffice = try await agencies.departments(agencyID: guannan).first { $0.name == "办公室" }!.id
        fixture.users["otheragency"] = try await accounts.create(username: "otheragency", displayName: "灌南编辑", password: password, role: .editor,
                                                                agencyID: guannan, departmentIDs: [guannanOffice], actor: "test")
        return fixture
    }

    /// Node id of an item by its name in 沂源's catalog.
    func item(_ name: String) async throws -> Int {
        try await database.sql.raw("""
            SELECT n.id FROM catalog_nodes n JOIN catalogs c ON c.id = n.catalog_id
            WHERE n.name = \(bind: name) AND c.agency_id = \(bind: yiyuan)
            """).first()!.decode(column: "id", as: Int.self)
    }

    /// Cookie header and CSRF token of a fresh session for `role`.
    func session(_ role: String) async throws -> (cookie: String, csrf: String) {
        let token = try await accounts.startSession(userID: users[role]!.id)
        let session = try await accounts.session(token: token)!
        return ("gk_session=\(token)", session.csrfToken)
    }
}

extension TestClientProtocol {
    /// A form POST as a browser would send it.
    func post(_ uri: String, form: [String: String], cookie: String?) async throws -> TestResponse {
        var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
        if let cookie { headers[.cookie] = cookie }
        let body = form.map { key, value in
            "\(key)=\(value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? value)"
        }.joined(separator: "&")
        return try await execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body))
    }

    func get(_ uri: String, cookie: String?) async throws -> TestResponse {
        var headers: HTTPFields = [:]
        if let cookie { headers[.cookie] = cookie }
        return try await execute(uri: uri, method: .get, headers: headers)
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }
}
