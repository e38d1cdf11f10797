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
            // Expected status per role, in the order of `roles`. 303 for anonymous is the redirect to /login.
            let matrix: [(String, [Int])] = [
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
}
