import Foundation
import GongkaiCore
import GongkaiStore
import GongkaiTestSupport
import GongkaiWeb
import Hummingbird
import HummingbirdTesting
import Testing

/// A revision of 沂源's catalog in the pages: staff review its diff, correct a match and approve it; the portal then
/// shows the version in force with its date, the earlier version, what changed, and downloads; the API lists both.
@Suite struct CatalogVersionPagesTests {
    @Test(arguments: StoreBackend.allCases)
    func reviewApproveAndPublish(backend: StoreBackend) async throws {
        try await WebFixture.with(backend) { fixture in
            let catalogs = CatalogRepository(fixture.database)
            let old = try #require(try await catalogs.current(agencyID: fixture.yiyuan)).id
            let draft = try await catalogs.store(try SeedRevision.revise(try TestAgencies.seed("000").catalog), format: "TSV", diagnostics: []).catalogID
            let revision = try await catalogs.revisionDiff(draftID: draft)
            let added = try #require(revision.entries.first { $0.entry.newPath?.last == "医保基金监管" }?.newNodeID)
            let removed = try #require(revision.entries.first { $0.entry.change == .removed }?.oldNodeID)
            let app = Application(router: fixture.router)
            try await app.test(.router) { client in
                // Nothing public yet: the draft is not a version of the portal.
                #expect(try await client.get("/catalogs/\(draft)", cookie: nil).status == .notFound)
                #expect(!(try await client.get("/agencies/\(fixture.yiyuan)", cookie: nil).text.contains("第2版")))

                // An editor sees the diff but cannot decide.
                let (editorCookie, editorCSRF) = try await fixture.session("editor")
                let editorPage = try await client.get("/admin/catalogs/\(draft)/revision", cookie: editorCookie).text
                #expect(editorPage.contains("更名 3") && editorPage.contains("新增 2") && editorPage.contains("删除 1"))
                #expect(!editorPage.contains("<select"))
                let refused = try await client.post("/admin/catalogs/\(draft)/revision/approve",
                                                    form: ["_csrf": editorCSRF, "effective": "2026-12-01"], cookie: editorCookie)
                #expect(refused.status == .forbidden)

                // The reviewer corrects one match, then approves from a date.
                let (cookie, csrf) = try await fixture.session("reviewer")
                let page = try await client.get("/admin/catalogs/\(draft)/revision", cookie: cookie).text
                #expect(page.contains("<select id=\"match-\(added)\" name=\"old\">"))
                #expect(page.contains("<option value=\"\" selected>无（新增事项）</option>"))
                let corrected = try await client.post("/admin/catalogs/\(draft)/revision/match",
                                                      form: ["_csrf": csrf, "new": String(added), "old": String(removed)], cookie: cookie)
                #expect(corrected.status == .seeOther)
                let after = try await client.get("/admin/catalogs/\(draft)/revision", cookie: cookie).text
                #expect(after.contains("删除 0") && after.contains("已由 reviewer 更正"))
                #expect(after.contains("<option value=\"\(removed)\" selected>"))
                let bad = try await client.post("/admin/catalogs/\(draft)/revision/approve", form: ["_csrf": csrf, "effective": "下月"], cookie: cookie)
                #expect(bad.status == .badRequest)
                let approved = try await client.post("/admin/catalogs/\(draft)/revision/approve",
                                                     form: ["_csrf": csrf, "effective": "2026-12-01"], cookie: cookie)
                #expect(approved.status == .seeOther && approved.headers[.location] == "/admin/catalogs/\(draft)")
                let again = try await client.post("/admin/catalogs/\(draft)/revision/approve",
                                                  form: ["_csrf": csrf, "effective": "2026-12-01"], cookie: cookie)
                #expect(again.status == .conflict)
                let dashboard = try await client.get("/admin", cookie: cookie).text
                #expect(dashboard.contains("第2版（2021版），自2026-12-01起施行，现行") && dashboard.contains("第1版（2021版），自导入起施行，2026-11-30后停止施行"))

                // The portal: the version in force with its date, the versions, what changed, downloads.
                let agency = try await client.get("/agencies/\(fixture.yiyuan)", cookie: nil).text
                #expect(agency.contains("第2版（2021版），自2026-12-01起施行，现行"))
                #expect(agency.contains("href=\"/agencies/\(fixture.yiyuan)/catalog/versions\""))
                #expect(agency.contains("医保基金监管") && !agency.contains("执法统计年报"))
                let versions = try await client.get("/agencies/\(fixture.yiyuan)/catalog/versions", cookie: nil).text
                #expect(versions.contains("href=\"/catalogs/\(draft)\"") && versions.contains("href=\"/catalogs/\(old)\""))
                #expect(versions.contains("href=\"/catalogs/\(draft)/changes\""))
                let oldPage = try await client.get("/catalogs/\(old)", cookie: nil).text
                #expect(oldPage.contains("本版已停止施行") && oldPage.contains("执法统计年报") && oldPage.contains("href=\"/catalogs/\(draft)\""))
                let changes = try await client.get("/catalogs/\(draft)/changes", cookie: nil).text
                #expect(changes.contains("更名 3") && changes.contains("移动 2") && changes.contains("删除 0"))
                #expect(changes.contains("行政执法 › 执法统计年报") && changes.contains("社会保险 › 医保基金监管"))
                let xlsx = try await client.get("/catalogs/\(draft)/catalog.xlsx", cookie: nil)
                #expect(xlsx.status == .ok && xlsx.headers[.contentType]?.hasPrefix("application/vnd.openxmlformats") == true)
                #expect(Array(xlsx.body.readableBytesView.prefix(2)) == Array("PK".utf8))
                let csv = try await client.get("/catalogs/\(old)/catalog.csv", cookie: nil)
                #expect(csv.status == .ok && csv.text.contains("执法统计年报") && !csv.text.contains("医保基金监管"))

                // The API: both versions, and the stored diff with the reviewer's correction.
                let listed = try await client.get("/api/v1/agencies/\(fixture.yiyuan)/catalog-versions", cookie: cookie)
                let rows = try #require(try JSONSerialization.jsonObject(with: Data(buffer: listed.body)) as? [[String: Any]])
                #expect(rows.map { $0["id"] as? Int } == [old, draft])
                #expect(rows[0]["supersededOn"] as? String == "2026-12-01" && rows[1]["inForce"] as? Bool == true)
                let api = try await client.get("/api/v1/catalogs/\(draft)/changes", cookie: cookie)
                let body = try #require(try JSONSerialization.jsonObject(with: Data(buffer: api.body)) as? [String: Any])
                #expect((body["counts"] as? [String: Int])?["removed"] == 0)
                let entries = try #require(body["entries"] as? [[String: Any]])
                #expect(entries.contains { $0["newItemId"] as? Int == added && $0["oldItemId"] as? Int == removed && $0["confirmedBy"] as? String == "reviewer" })
                let other = try await client.get("/api/v1/catalogs/\(draft)/changes", cookie: try await fixture.session("otheragency").cookie)
                #expect(other.status == .forbidden)
            }
        }
    }

    @Test func aDraftIsSetAsideAndTheVersionInForceStays() async throws {
        try await WebFixture.with { fixture in
            let catalogs = CatalogRepository(fixture.database)
            let old = try #require(try await catalogs.current(agencyID: fixture.yiyuan)).id
            let draft = try await catalogs.store(try SeedRevision.revise(try TestAgencies.seed("000").catalog), format: "TSV", diagnostics: []).catalogID
            let app = Application(router: fixture.router)
            try await app.test(.router) { client in
                let (cookie, csrf) = try await fixture.session("agencyadmin")
                let set = try await client.post("/admin/catalogs/\(draft)/revision/discard", form: ["_csrf": csrf], cookie: cookie)
                #expect(set.status == .seeOther)
                #expect(try await client.get("/admin/catalogs/\(draft)/revision", cookie: cookie).status == .seeOther)
                #expect(try await catalogs.current(agencyID: fixture.yiyuan)?.id == old)
                #expect(try await client.get("/catalogs/\(draft)", cookie: nil).status == .notFound)
                #expect(try await client.get("/catalogs/\(old)/changes", cookie: nil).status == .notFound)
            }
        }
    }
}
