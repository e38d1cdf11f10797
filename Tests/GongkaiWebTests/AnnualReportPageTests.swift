import Foundation
import GongkaiCore
import GongkaiStore
import GongkaiTestSupport
import GongkaiWeb
import Hummingbird
import HummingbirdTesting
import Testing

/// Staff draft, check, submit and approve the annual report on /admin/reports; the portal shows only the published
/// version, as a page with structured tables and SVG charts, and as .docx.
@Suite struct AnnualReportPageTests {
    static let year = CivilDate(localDate: Date()).year

    @Test(arguments: StoreBackend.allCases)
    func draftCheckSubmitApproveAndPublish(backend: StoreBackend) async throws {
        try await WebFixture.with(backend) { fixture in
            let app = Application(router: fixture.router)
            let base = "/admin/reports/\(fixture.yiyuan)/\(Self.year)"
            try await app.test(.router) { client in
                #expect(try await client.get("/agencies/\(fixture.yiyuan)/reports/\(Self.year)", cookie: nil).status == .notFound)
                let list = try await client.get("/agencies/\(fixture.yiyuan)/reports", cookie: nil)
                #expect(list.status == .ok && list.text.contains("尚未在本网站发布"))

                let (editor, editorCSRF) = try await fixture.session("editor")
                let page = try await client.get(base, cookie: editor)
                #expect(page.status == .ok)
                // The fee amount is entered by staff; until then the check fails and the cell is marked in the table.
                #expect(page.text.contains("id=\"cell-二.fee.amount\" class=\"num failing entered\""))
                #expect(page.text.contains("人工填报数据已填写"))
                #expect(!page.text.contains("action=\"\(base)/submit\""))
                let refused = try await client.post("\(base)/submit", form: ["_csrf": editorCSRF], cookie: editor)
                #expect(refused.status == .badRequest && refused.text.contains("未通过校验"))

                let bad = try await client.post(base, form: ["_csrf": editorCSRF, "version": "0", "figure.二.fee.amount": "十万"], cookie: editor)
                #expect(bad.status == .badRequest && bad.text.contains("数值“十万”无效"))
                let saved = try await client.post(base, form: ["_csrf": editorCSRF, "version": "0", "figure.二.fee.amount": "0",
                                                               "section.6": "本年度未收取信息处理费。"], cookie: editor)
                #expect(saved.status == .seeOther)
                let ready = try await client.get(base, cookie: editor).text
                #expect(ready.contains("全部校验通过") && ready.contains("本年度未收取信息处理费。"))
                #expect(try await client.post("\(base)/submit", form: ["_csrf": editorCSRF], cookie: editor).status == .seeOther)
                // Editors cannot approve; reviewers of the agency can, and only they.
                #expect(try await client.post("\(base)/approve", form: ["_csrf": editorCSRF], cookie: editor).status == .forbidden)
                let (other, otherCSRF) = try await fixture.session("otheragency")
                #expect(try await client.post("\(base)/approve", form: ["_csrf": otherCSRF], cookie: other).status == .forbidden)
                let (reviewer, reviewerCSRF) = try await fixture.session("reviewer")
                #expect(try await client.post("\(base)/approve", form: ["_csrf": reviewerCSRF], cookie: reviewer).status == .seeOther)

                let published = try await client.get("/agencies/\(fixture.yiyuan)/reports/\(Self.year)", cookie: nil)
                #expect(published.status == .ok)
                let html = published.text
                #expect(html.contains("\(Self.year)年政府信息公开工作年度报告"))
                for heading in NarrativeSection.headings { #expect(html.contains(heading)) }
                #expect(html.contains("<caption>三、收到和处理政府信息公开申请情况</caption>"))
                #expect(html.contains("colspan=\"5\" rowspan=\"1\">法人或其他组织</th>"))
                #expect(html.contains("rowspan=\"25\">三、本年度办理结果</th>") || html.contains(">三、本年度办理结果</th>"))
                #expect(html.contains("<svg") && html.contains("role=\"img\""))
                #expect(html.contains("本年度未收取信息处理费。"))
                #expect(!html.contains("failing"))
                let agencyPage = try await client.get("/agencies/\(fixture.yiyuan)", cookie: nil).text
                #expect(agencyPage.contains("href=\"/agencies/\(fixture.yiyuan)/reports\""))
                let docx = try await client.get("/agencies/\(fixture.yiyuan)/reports/\(Self.year).docx", cookie: nil)
                #expect(docx.status == .ok && docx.headers[.contentType]?.contains("wordprocessingml") == true)
                #expect(Array(docx.body.readableBytesView.prefix(2)) == Array("PK".utf8))
                #expect(try await client.get("/agencies/\(fixture.yiyuan)/reports/\(Self.year).exe", cookie: nil).status == .notFound)
                #expect(try await client.get("/agencies/\(fixture.guannan)/reports/\(Self.year)", cookie: nil).status == .notFound)
            }
        }
    }

    /// Who may open and act on the report pages (anonymous is sent to the login page; its forms fail the CSRF check).
    @Test func authorization() async throws {
        try await WebFixture.with { fixture in
            let app = Application(router: fixture.router)
            let base = "/admin/reports/\(fixture.yiyuan)/\(Self.year)"
            let roles = ["anonymous", "sysadmin", "agencyadmin", "editor", "reviewer", "otheragency"]
            let pages: [(String, [Int])] = [
                ("/admin/reports", [303, 200, 200, 200, 200, 200]),
                (base, [303, 200, 200, 200, 200, 403]),
                ("\(base)/draft.docx", [303, 200, 200, 200, 200, 403]),
                ("/admin/reports/\(fixture.yiyuan)/2030", [303, 400, 400, 400, 400, 403]),
                ("/admin/reports/999/\(Self.year)", [303, 404, 403, 403, 403, 403]),
            ]
            let posts: [(String, [String: String], [Int])] = [
                (base, ["version": "0", "section.1": "改"], [403, 303, 303, 303, 403, 403]),
                ("\(base)/reject", ["reason": "理由"], [403, 400, 400, 403, 400, 403]),
            ]
            try await app.test(.router) { client in
                for (index, role) in roles.enumerated() {
                    let session = role == "anonymous" ? nil : try await fixture.session(role)
                    for (path, expected) in pages {
                        let status = try await client.get(path, cookie: session?.cookie).status.code
                        #expect(status == expected[index], "\(role) GET \(path)")
                    }
                }
                for (index, role) in roles.enumerated() {
                    let session = role == "anonymous" ? nil : try await fixture.session(role)
                    for (path, form, expected) in posts {
                        var fields = form
                        fields["_csrf"] = session?.csrf ?? ""
                        if path == base {
                            let version = try await AnnualReportRepository(fixture.database).stored(agencyID: fixture.yiyuan, year: Self.year).version
                            fields["version"] = String(version)
                        }
                        let status = try await client.post(path, form: fields, cookie: session?.cookie).status.code
                        #expect(status == expected[index], "\(role) POST \(path)")
                    }
                }
            }
        }
    }
}
