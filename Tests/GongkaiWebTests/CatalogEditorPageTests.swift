import Foundation
import GongkaiCore
import GongkaiStore
import GongkaiTestSupport
import GongkaiWeb
import Hummingbird
import HummingbirdTesting
import Testing

/// An editor revises the catalog in the pages: opens a draft, edits an item's fields (the 时限 read back on save),
/// adds and retires items; a reviewer then sees the diff and approves. Reviewers cannot edit.
@Suite struct CatalogEditorPageTests {
    @Test(arguments: StoreBackend.allCases)
    func anEditorRevisesAReviewerApproves(backend: StoreBackend) async throws {
        try await WebFixture.with(backend) { fixture in
            let catalogs = CatalogRepository(fixture.database)
            let current = try #require(try await catalogs.current(agencyID: fixture.yiyuan)).id
            let app = Application(router: fixture.router)
            try await app.test(.router) { client in
                let (reviewerCookie, reviewerCSRF) = try await fixture.session("reviewer")
                #expect(try await client.post("/admin/catalogs/\(current)/edit", form: ["_csrf": reviewerCSRF], cookie: reviewerCookie).status == .forbidden)
                #expect(!(try await client.get("/admin/catalogs/\(current)", cookie: reviewerCookie).text.contains("/edit\"")))

                let (cookie, csrf) = try await fixture.session("editor")
                #expect(try await client.get("/admin/catalogs/\(current)", cookie: cookie).text.contains("action=\"/admin/catalogs/\(current)/edit\""))
                let opened = try await client.post("/admin/catalogs/\(current)/edit", form: ["_csrf": csrf], cookie: cookie)
                let draft = try #require(try await catalogs.drafts(agencyID: fixture.yiyuan).first).id
                #expect(opened.status == .seeOther && opened.headers[.location] == "/admin/catalogs/\(draft)")
                let items = try await catalogs.itemNodeIDs(catalogID: draft)
                let names = try await catalogs.load(id: draft).items.map { $0.path.last! }
                let fraud = items[names.firstIndex(of: "欺诈骗保案列")!], yearly = items[names.firstIndex(of: "执法统计年报")!]
                let tree = try await client.get("/admin/catalogs/\(draft)", cookie: cookie).text
                #expect(tree.contains("href=\"/admin/catalog-nodes/\(fraud)\""))

                let page = try await client.get("/admin/catalog-nodes/\(fraud)", cookie: cookie).text
                #expect(page.contains("<textarea id=\"content\" name=\"content\" rows=\"4\" required>欺诈骗保案例"))
                #expect(page.contains("value=\"基金监管科\" checked"))
                let empty = try await client.post("/admin/catalog-nodes/\(fraud)/save", form: ["_csrf": csrf, "content": "", "deadline": "x"], cookie: cookie)
                #expect(empty.status == .unprocessableContent && empty.text.contains("请填写公开内容"))
                let saved = try await client.post("/admin/catalog-nodes/\(fraud)/save", form: [
                    "_csrf": csrf, "content": "欺诈骗保典型案例", "deadline": "信息形成之日起10个工作日内", "department": "基金监管科",
                    "channel": "website", "audience": "public", "mode": "proactive", "titlePattern": "欺诈骗保典型案例通报（xx年第xx期）",
                ], cookie: cookie)
                #expect(saved.status == .seeOther)
                let after = try await client.get("/admin/catalog-nodes/\(fraud)", cookie: cookie).text
                #expect(after.contains("value=\"信息形成之日起10个工作日内\"") && after.contains("10个工作日"))
                #expect(after.contains("value=\"欺诈骗保典型案例通报（xx年第xx期）\""))
                let added = try await client.post("/admin/catalog-nodes/\(try #require(try await catalogs.node(id: fraud)?.parentID))/add",
                                                  form: ["_csrf": csrf, "name": "医保基金监管", "kind": "item", "content": "查处结果",
                                                         "deadline": "处理决定作出之日起7个工作日内"], cookie: cookie)
                #expect(added.status == .seeOther)
                #expect(try await client.post("/admin/catalog-nodes/\(yearly)/retire", form: ["_csrf": csrf], cookie: cookie).status == .seeOther)
                #expect(try await client.get("/admin/catalog-nodes/\(yearly)", cookie: cookie).status == .notFound)

                let review = try await client.get("/admin/catalogs/\(draft)/revision", cookie: reviewerCookie).text
                #expect(review.contains("内容变更 1") && review.contains("新增 1") && review.contains("删除 1"))
                #expect(review.contains("公开内容、公开时限、公开渠道、公开对象、公开方式"))
                let approved = try await client.post("/admin/catalogs/\(draft)/revision/approve",
                                                     form: ["_csrf": reviewerCSRF, "effective": "2026-12-01"], cookie: reviewerCookie)
                #expect(approved.status == .seeOther)
                #expect(try await client.get("/admin/catalog-nodes/\(fraud)", cookie: cookie).status == .conflict)
            }
            #expect(try await catalogs.current(agencyID: fixture.yiyuan)?.versionNumber == 2)
            let patterns = try await ComplianceRepository(fixture.database).items(agencyID: fixture.yiyuan).filter { $0.titlePattern != nil }
            #expect(patterns.contains { $0.name == "欺诈骗保案列" && $0.activeFrom == CivilDate("2026-12-01") })
        }
    }
}
