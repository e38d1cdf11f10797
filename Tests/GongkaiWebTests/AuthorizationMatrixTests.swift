import Foundation
import GongkaiCore
import GongkaiStore
import GongkaiTestSupport
import Hummingbird
import HummingbirdTesting
import Testing

/// Every admin route × every role (and anonymous): what each may see and do.
@Suite struct AuthorizationMatrixTests {
    static let roles = ["anonymous", "sysadmin", "agencyadmin", "editor", "reviewer", "otheragency"]

    @Test(arguments: StoreBackend.allCases)
    func pages(backend: StoreBackend) async throws {
        try await WebFixture.with(backend) { fixture in
            let catalogs = try await CatalogRepository(fixture.database).list()
            let yiyuanCatalog = catalogs.first { $0.agency.contains("沂源") }!.id, guannanCatalog = catalogs.first { $0.agency.contains("灌南") }!.id
            let item = try await fixture.item("执法结果"), otherDepartmentItem = try await fixture.item("部门职能配置及内设机构")
            let department = try await AgencyDirectory(fixture.database).departments(agencyID: fixture.yiyuan)[0].id
            let feedToken = try await CalendarFeedRepository(fixture.database).rotate(departmentID: department, agencyID: fixture.yiyuan, actor: "test")
            let record = try await RecordRepository(fixture.database).createDraft(by: fixture.users["editor"]!, itemNodeIDs: [item],
                                                                                   content: RecordContent(title: "矩阵"))
            let application = try await RequestRepository(fixture.database).submit(RequestSubmission(
                agencyID: fixture.yiyuan, applicant: ApplicantIdentity(kind: .naturalPerson, name: "矩阵", documentType: .passport,
                                                                       documentNumber: "E12345678", contact: "13800000000"),
                requestedInformation: "矩阵", formRequirement: "", delivery: ""), address: "192.0.2.9")
            let draft = try await CatalogRepository(fixture.database).openDraft(agencyID: fixture.yiyuan, actor: "test")
            let draftNode = try #require(try await CatalogRepository(fixture.database).itemNodeIDs(catalogID: draft).first)
            // Expected status per role, in the order of `roles`. 303 for anonymous is the redirect to /login.
            let matrix: [(String, [Int])] = [
                // The catalog: importing is for administrators, editing a draft for its agency's editors, reviewing for all its staff.
                ("/admin/catalogs/import", [303, 200, 200, 403, 403, 403]),
                ("/admin/catalogs/\(draft)", [303, 200, 200, 200, 200, 403]),
                ("/admin/catalogs/\(draft)/revision", [303, 200, 200, 200, 200, 403]),
                ("/admin/catalog-nodes/\(draftNode)", [303, 200, 200, 200, 403, 403]),
                ("/admin/catalog-nodes/\(otherDepartmentItem)", [303, 409, 409, 409, 403, 403]),
                ("/agencies/\(fixture.yiyuan)/catalog/versions", [200, 200, 200, 200, 200, 200]),
                ("/catalogs/\(yiyuanCatalog)", [200, 200, 200, 200, 200, 200]),
                ("/catalogs/\(draft)", [404, 404, 404, 404, 404, 404]),
                // 依申请公开: any staff account of the agency; the letter exists only once answered.
                ("/admin/requests", [303, 200, 200, 200, 200, 200]),
                ("/admin/requests?agency=\(fixture.yiyuan)", [303, 200, 200, 200, 200, 403]),
                ("/admin/requests/\(application.id)", [303, 200, 200, 200, 200, 403]),
                ("/admin/requests/\(application.id)/letter.docx", [303, 404, 404, 404, 404, 403]),
                ("/admin/requests/999999", [303, 404, 404, 404, 404, 404]),
                ("/apply", [200, 200, 200, 200, 200, 200]),
                ("/apply/status", [200, 200, 200, 200, 200, 200]),
                ("/admin", [303, 200, 200, 200, 200, 200]),
                ("/admin/catalogs/\(yiyuanCatalog)", [303, 200, 200, 200, 200, 403]),
                ("/admin/catalogs/\(guannanCatalog)", [303, 200, 403, 403, 403, 200]),
                ("/admin/items/\(item)", [303, 200, 200, 200, 200, 403]),
                ("/admin/items/\(item)/records/new", [303, 200, 200, 200, 403, 403]),
                ("/admin/items/\(otherDepartmentItem)/records/new", [303, 200, 200, 403, 403, 403]),
                ("/admin/records/\(record.id)", [303, 200, 200, 200, 200, 403]),
                ("/admin/records/\(record.id)/review", [303, 200, 200, 200, 200, 403]),
                ("/admin/review", [303, 200, 200, 403, 200, 403]),
                ("/admin/users", [303, 200, 200, 403, 403, 403]),
                ("/admin/departments", [303, 200, 200, 403, 403, 403]),
                ("/admin/agencies", [303, 200, 200, 403, 403, 403]),
                ("/admin/audit", [303, 200, 200, 403, 403, 403]),
                ("/admin/password", [303, 200, 200, 200, 200, 200]),
                ("/admin/records/999999", [303, 404, 404, 404, 404, 404]),
                // Staff see their own agency's compliance check; only the system administrator picks another.
                ("/admin/compliance", [303, 200, 200, 200, 200, 200]),
                ("/admin/compliance?agency=\(fixture.yiyuan)", [303, 200, 200, 200, 200, 403]),
                ("/admin/compliance?agency=\(fixture.guannan)", [303, 200, 403, 403, 403, 200]),
                ("/admin/compliance.xlsx", [303, 200, 200, 200, 200, 200]),
                ("/admin/compliance.xlsx?agency=\(fixture.guannan)", [303, 200, 403, 403, 403, 200]),
                // Calendar feeds open with their token only, signed in or not.
                ("/ical/departments/\(department).ics", [404, 404, 404, 404, 404, 404]),
                ("/ical/departments/\(department).ics?token=wrong", [404, 404, 404, 404, 404, 404]),
                ("/ical/departments/\(department).ics?token=\(feedToken)", [200, 200, 200, 200, 200, 200]),
                ("/admin/requests?status=new", [303, 200, 200, 200, 200, 200]),
                ("/admin/requests/\(application.id)/letter.pdf", [303, 404, 404, 404, 404, 403]),
                ("/admin/requests/\(application.id)/attachments/\(String(repeating: "0", count: 64))", [303, 404, 404, 404, 404, 403]),
                // API tokens: every staff member manages their own.
                ("/admin/tokens", [303, 200, 200, 200, 200, 200]),
            ]
            var sessions: [String: String] = [:]
            for role in Self.roles.dropFirst() { sessions[role] = try await fixture.session(role).cookie }
            let cookies = sessions
            let app = Application(router: fixture.router)
            try await app.test(.router) { client in
                for (path, expected) in matrix {
                    for (role, status) in zip(Self.roles, expected) {
                        let response = try await client.get(path, cookie: cookies[role])
                        #expect(Int(response.status.code) == status, "\(role) GET \(path)")
                    }
                }
            }
        }
    }

    /// State-changing actions, each tried by every role on a record in the state where the action applies.
    @Test(arguments: ["submit", "approve", "reject", "revise", "withdraw"])
    func actions(action: String) async throws {
        // Which roles may perform it (the others get 403; anonymous is stopped by the CSRF check, 403, before anything else).
        let allowed: [String: Set<String>] = [
            "submit": ["sysadmin", "agencyadmin", "editor"],
            "approve": ["sysadmin", "agencyadmin", "reviewer"],
            "reject": ["sysadmin", "agencyadmin", "reviewer"],
            "revise": ["sysadmin", "agencyadmin", "editor"],
            "withdraw": ["sysadmin", "agencyadmin", "reviewer"],
        ]
        for role in Self.roles {
            try await WebFixture.with { fixture in
                let records = RecordRepository(fixture.database)
                let admin = fixture.users["agencyadmin"]!
                let draft = try await records.createDraft(by: admin, itemNodeIDs: [try await fixture.item("执法结果")], content: RecordContent(title: "动作"))
                if action != "submit" { _ = try await records.submit(by: admin, id: draft.id) }
                if ["revise", "withdraw"].contains(action) { _ = try await records.approve(by: admin, id: draft.id) }
                let session = role == "anonymous" ? nil : try await fixture.session(role)
                let app = Application(router: fixture.router)
                try await app.test(.router) { client in
                    let response = try await client.post("/admin/records/\(draft.id)/\(action)",
                                                         form: ["_csrf": session?.csrf ?? "none", "reason": "理由"], cookie: session?.cookie)
                    let expected = role == "anonymous" ? 403 : (allowed[action]!.contains(role) ? 303 : 403)
                    #expect(Int(response.status.code) == expected, "\(role) \(action)")
                }
            }
        }
    }

    /// One probe of the matrix below: a request, and the status each role in `roles` gets.
    struct Probe: Sendable {
        enum Auth: Sendable { case session, token }
        var method: HTTPRequest.Method
        var path: String
        var body: String
        var auth: Auth
        var expected: [Int]

        /// A form POST with the role's session cookie and CSRF token (anonymous: no cookie, so the CSRF check answers 403).
        static func post(_ path: String, _ form: [String: String], _ expected: [Int]) -> Probe {
            Probe(method: .post, path: path, body: form.map { "\($0)=\($1.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)" }
                .joined(separator: "&"), auth: .session, expected: expected)
        }
        /// A JSON API GET with the role's Bearer token (anonymous: none).
        static func api(_ path: String, _ expected: [Int]) -> Probe {
            Probe(method: .get, path: path, body: "", auth: .token, expected: expected)
        }
        /// A JSON API POST with the role's Bearer token (anonymous: none, so the CSRF check answers 403).
        static func apiPost(_ path: String, _ json: String, _ expected: [Int]) -> Probe {
            Probe(method: .post, path: path, body: json, auth: .token, expected: expected)
        }
    }

    /// State-changing and API routes of the compliance, request and token screens. Each probe is built so that a
    /// permitted role is stopped *after* the authorization check (a workflow or validation refusal, 400) or performs
    /// a harmless action, so every role can be tried on the same data. A new route is one line here.
    @Test(arguments: StoreBackend.allCases)
    func postsAndAPI(backend: StoreBackend) async throws {
        try await WebFixture.with(backend) { fixture in
            let directory = AgencyDirectory(fixture.database)
            let department = try await directory.departments(agencyID: fixture.yiyuan)[0].id
            let otherDepartment = try await directory.departments(agencyID: fixture.guannan)[0].id
            let application = try await RequestRepository(fixture.database).submit(RequestSubmission(
                agencyID: fixture.yiyuan, applicant: ApplicantIdentity(kind: .naturalPerson, name: "矩阵", documentType: .passport,
                                                                       documentNumber: "E12345678", contact: "13800000000"),
                requestedInformation: "矩阵", formRequirement: "", delivery: ""), address: "192.0.2.9")
            _ = try await fixture.accounts.createAPIToken(userID: fixture.users["editor"]!.id, name: "editor's")
            let editorToken = try #require(try await fixture.accounts.apiTokens(userID: fixture.users["editor"]!.id).first).fingerprint
            let archive = #"{"type":"archived","date":"2026-09-21"}"#  // refused by the workflow: the request is still new
            let id = application.id
            // Expected status per role, in the order of `roles`.
            let matrix: [Probe] = [
                // 依申请公开 (web): the agency's staff get past authorization to the workflow's refusal; other agencies 403.
                .post("/admin/requests/\(id)/events", ["type": "archived", "on": "2026-09-21"], [403, 400, 400, 400, 400, 403]),
                .post("/admin/requests/\(id)/events", ["type": "nonsense"], [403, 400, 400, 400, 400, 403]),
                .post("/admin/requests/999999/events", ["type": "received"], [403, 404, 404, 404, 404, 404]),
                // 依申请公开 (API).
                .api("/api/v1/requests", [401, 200, 200, 200, 200, 200]),
                .api("/api/v1/requests?agency=\(fixture.yiyuan)", [401, 200, 200, 200, 200, 403]),
                .api("/api/v1/requests/\(id)", [401, 200, 200, 200, 200, 403]),
                .api("/api/v1/requests/999999", [401, 404, 404, 404, 404, 404]),
                .apiPost("/api/v1/requests/\(id)/events", archive, [403, 400, 400, 400, 400, 403]),
                // Compliance: department calendar feeds are rotated by the agency's administrators only.
                .post("/admin/departments/\(department)/calendar-feed", [:], [403, 303, 303, 403, 403, 403]),
                .post("/admin/departments/\(otherDepartment)/calendar-feed", [:], [403, 303, 403, 403, 403, 403]),
                .post("/admin/departments/999999/calendar-feed", [:], [403, 404, 404, 404, 404, 404]),
                // API tokens: anyone signed in makes their own; a token can be revoked by its owner only.
                .post("/admin/tokens", ["name": "矩阵"], [403, 200, 200, 200, 200, 200]),
                .post("/admin/tokens", ["name": ""], [403, 400, 400, 400, 400, 400]),
                .post("/admin/tokens/\(editorToken)/revoke", [:], [403, 404, 404, 303, 404, 404]),
                .api("/api/v1/catalogs", [401, 200, 200, 200, 200, 200]),
            ]
            var sessions: [String: (cookie: String, csrf: String)] = [:], tokens: [String: String] = [:]
            for role in Self.roles.dropFirst() {
                sessions[role] = try await fixture.session(role)
                tokens[role] = try await fixture.accounts.createAPIToken(userID: fixture.users[role]!.id, name: "matrix")
            }
            let (cookies, bearers) = (sessions, tokens)
            try await Application(router: fixture.router).test(.router) { client in
                for probe in matrix {
                    for (role, status) in zip(Self.roles, probe.expected) {
                        var headers: HTTPFields = [:]
                        var body = probe.body
                        switch probe.auth {
                        case .session:
                            headers[.contentType] = "application/x-www-form-urlencoded"
                            if let session = cookies[role] {
                                headers[.cookie] = session.cookie
                                body += (body.isEmpty ? "" : "&") + "_csrf=" + session.csrf
                            }
                        case .token:
                            headers[.contentType] = "application/json"
                            if let token = bearers[role] { headers[.authorization] = "Bearer \(token)" }
                        }
                        let response = try await client.execute(uri: probe.path, method: probe.method, headers: headers,
                                                                body: body.isEmpty ? nil : ByteBuffer(string: body))
                        #expect(Int(response.status.code) == status, "\(role) \(probe.method) \(probe.path) \(probe.body)")
                    }
                }
            }
        }
    }
}
