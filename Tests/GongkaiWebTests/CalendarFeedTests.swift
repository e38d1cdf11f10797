import Foundation
import GongkaiCore
import GongkaiStore
import GongkaiTestSupport
import Hummingbird
import HummingbirdTesting
import Testing

/// The departments' calendar feeds: tokens made and replaced by administrators (audited), the feed parsed by the
/// Python `icalendar` package with one VEVENT per open obligation of the department's items, and 404 for any
/// other token.
@Suite struct CalendarFeedTests {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Calendar/ics_check.py")

    /// The open obligations (not met, with a due date) of the items the department is responsible for.
    static func openObligations(_ report: ComplianceReport, departmentID: Int, in database: GongkaiDatabase) async throws -> [Obligation] {
        let items = Set(try await database.sql.raw("SELECT node_id FROM item_departments WHERE department_id = \(bind: departmentID)").all()
            .map { try $0.decode(column: "node_id", as: Int.self) })
        return report.obligations.filter { items.contains($0.itemID) && [.open, .dueSoon, .overdue].contains($0.state) && $0.due != nil }
    }

    @Test(arguments: StoreBackend.allCases)
    func feedParsesWithOneEventPerOpenObligation(backend: StoreBackend) async throws {
        #expect(FileManager.default.fileExists(atPath: "/usr/lib/python3/dist-packages/icalendar"), "python3-icalendar is missing: run scripts/test, which installs it")
        try await WebFixture.with(backend) { fixture in
            _ = try await fixture.seedComplianceRecords()
            let report = try await fixture.sweep(agencyID: fixture.yiyuan, at: fixture.today)
            // The department with the most open obligations.
            var best: (id: Int, name: String, open: [Obligation])?
            for department in try await AgencyDirectory(fixture.database).departments(agencyID: fixture.yiyuan) {
                let open = try await Self.openObligations(report, departmentID: department.id, in: fixture.database)
                if open.count > (best?.open.count ?? 0) { best = (department.id, department.name, open) }
            }
            let department = try #require(best)
            let (cookie, csrf) = try await fixture.session("agencyadmin")
            let app = Application(router: fixture.router)
            try await app.test(.router) { client in
                let created = try await client.post("/admin/departments/\(department.id)/calendar-feed", form: ["_csrf": csrf], cookie: cookie)
                #expect(created.status == .seeOther)
                let token = try #require(try await CalendarFeedRepository(fixture.database).tokens(agencyID: fixture.yiyuan)[department.id])
                #expect(token.count == 64 && token.allSatisfy(\.isHexDigit))
                let page = try await client.get("/admin/departments", cookie: cookie).text
                #expect(page.contains("/ical/departments/\(department.id).ics?token=\(token)</code>"))
                #expect(page.contains(">重新生成</button>"))

                let response = try await client.get("/ical/departments/\(department.id).ics?token=\(token)", cookie: nil)
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/calendar; charset=utf-8")
                #expect(response.headers[.cacheControl]?.hasPrefix("private") == true)
                #expect(response.headers[.eTag] == nil)
                let file = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-\(UUID().uuidString).ics")
                try Data(buffer: response.body).write(to: file)
                defer { try? FileManager.default.removeItem(at: file) }
                let (status, output) = try await BrowserWalkthroughTests.run("/usr/bin/python3", [Self.script.path, file.path])
                #expect(status == 0, "\(output)")
                let json = try #require(output.split(separator: "\n").first { $0.hasPrefix("{") })
                let parsed = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
                #expect(department.open.count > 0)
                #expect(parsed["events"] as? Int == department.open.count)
                #expect(parsed["calname"] as? String == "淄博市医疗保障局沂源分局 \(department.name) 公开时限")
                let summaries = parsed["summaries"] as? [String] ?? []
                #expect(summaries.allSatisfy { $0.hasPrefix("到期：") || $0.hasPrefix("逾期：") })
                #expect(summaries.filter { $0.hasPrefix("逾期：") }.count == department.open.filter { $0.state == .overdue }.count)
                let urls = Set(parsed["urls"] as? [String] ?? [])
                #expect(Set(urls.compactMap { URL(string: $0)?.path }) == Set(department.open.map { "/admin/items/\($0.itemID)" }))
                #expect(urls.allSatisfy { $0.hasPrefix("http://") })
                let uids = parsed["uids"] as? [String] ?? []
                for obligation in department.open where obligation.kind == .periodic {
                    #expect(uids.contains("obligation-\(obligation.itemID)-\(obligation.period!)@gongkai"))
                }

                // The same feed again: the same events (stable UIDs).
                let again = try await client.get("/ical/departments/\(department.id).ics?token=\(token)", cookie: nil).text
                func eventUIDs(_ text: String) -> [String] { text.components(separatedBy: "\r\nUID:").dropFirst().map { $0.components(separatedBy: "\r\n")[0] } }
                #expect(eventUIDs(again) == eventUIDs(response.text))
                #expect(eventUIDs(again).count == department.open.count)
            }
        }
    }

    @Test func anyOtherTokenIsNotFoundAndRotationRetiresTheOldOne() async throws {
        try await WebFixture.with { fixture in
            let departments = try await AgencyDirectory(fixture.database).departments(agencyID: fixture.yiyuan)
            let (first, second) = (departments[0].id, departments[1].id)
            let feeds = CalendarFeedRepository(fixture.database)
            let firstToken = try await feeds.rotate(departmentID: first, agencyID: fixture.yiyuan, actor: "test")
            let secondToken = try await feeds.rotate(departmentID: second, agencyID: fixture.yiyuan, actor: "test")
            let (cookie, csrf) = try await fixture.session("agencyadmin")
            let app = Application(router: fixture.router)
            try await app.test(.router) { client in
                #expect(try await client.get("/ical/departments/\(first).ics?token=\(firstToken)", cookie: nil).status == .ok)
                for uri in ["/ical/departments/\(first).ics", "/ical/departments/\(first).ics?token=",
                            "/ical/departments/\(first).ics?token=\(secondToken)", "/ical/departments/\(first).ics?token=\(firstToken.dropLast())\(firstToken.hasSuffix("0") ? "1" : "0")",
                            "/ical/departments/999999.ics?token=\(firstToken)", "/ical/departments/x.ics?token=\(firstToken)",
                            "/ical/departments/\(departments[2].id).ics?token=\(firstToken)"] {
                    #expect(try await client.get(uri, cookie: nil).status == .notFound, "\(uri)")
                }
                // A signed-in administrator needs the token too.
                #expect(try await client.get("/ical/departments/\(first).ics", cookie: cookie).status == .notFound)

                #expect(try await client.post("/admin/departments/\(first)/calendar-feed", form: ["_csrf": csrf], cookie: cookie).status == .seeOther)
                let newToken = try #require(try await feeds.tokens(agencyID: fixture.yiyuan)[first])
                #expect(newToken != firstToken)
                #expect(try await client.get("/ical/departments/\(first).ics?token=\(firstToken)", cookie: nil).status == .notFound)
                #expect(try await client.get("/ical/departments/\(first).ics?token=\(newToken)", cookie: nil).status == .ok)
                #expect(try await client.get("/ical/departments/\(second).ics?token=\(secondToken)", cookie: nil).status == .ok)
            }
            // Audited with a fingerprint, never the token.
            let entries = try await AuditLog(fixture.database).entries(limit: nil, filter: AuditLog.Filter(objectType: "department", objectID: String(first)))
            #expect(entries.map(\.action).sorted() == ["calendar_feed.created", "calendar_feed.rotated"])
            #expect(entries.allSatisfy { !$0.after.contains(firstToken) && !$0.before.contains(firstToken) && $0.after.hasPrefix("指纹 ") })
            #expect(entries.first { $0.action == "calendar_feed.rotated" }?.actor == "agencyadmin")
        }
    }

    @Test func onlyTheAgencysAdministratorsMakeTokens() async throws {
        try await WebFixture.with { fixture in
            let yiyuanDepartment = try await AgencyDirectory(fixture.database).departments(agencyID: fixture.yiyuan)[0].id
            let app = Application(router: fixture.router)
            try await app.test(.router) { client in
                for (role, expected) in [("sysadmin", HTTPResponse.Status.seeOther), ("agencyadmin", .seeOther), ("editor", .forbidden),
                                         ("reviewer", .forbidden), ("otheragency", .forbidden)] {
                    let (cookie, csrf) = try await fixture.session(role)
                    let response = try await client.post("/admin/departments/\(yiyuanDepartment)/calendar-feed", form: ["_csrf": csrf], cookie: cookie)
                    #expect(response.status == expected, "\(role)")
                }
                // Without the form's CSRF token: refused before anything happens.
                let (cookie, _) = try await fixture.session("agencyadmin")
                #expect(try await client.post("/admin/departments/\(yiyuanDepartment)/calendar-feed", form: ["_csrf": "forged"], cookie: cookie).status == .forbidden)
                #expect(try await client.post("/admin/departments/\(yiyuanDepartment)/calendar-feed", form: [:], cookie: nil).status == .forbidden)
                let system = try await fixture.session("sysadmin")
                #expect(try await client.post("/admin/departments/999999/calendar-feed", form: ["_csrf": system.csrf], cookie: system.cookie).status == .notFound)
            }
        }
    }
}
