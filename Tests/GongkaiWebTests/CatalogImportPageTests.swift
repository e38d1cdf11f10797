import Foundation
import GongkaiCore
import GongkaiStore
import GongkaiTestSupport
import GongkaiWeb
import Hummingbird
import HummingbirdTesting
import Testing

/// Staff import a catalog in the pages: a preview first (nothing stored), a column's role corrected and the file
/// read again, then one save; for an agency with a catalog the save is a draft revision.
@Suite struct CatalogImportPageTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func multipart(_ fields: [(String, String)], file: (name: String, data: Data)? = nil) -> (String, ByteBuffer) {
        let boundary = "----gongkai\(UUID().uuidString)"
        var body = Data()
        for (key, value) in fields {
            body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(key)\"\r\n\r\n\(value)\r\n".utf8)
        }
        if let file {
            body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(file.name)\"\r\nContent-Type: text/plain\r\n\r\n".utf8)
            body += file.data + Data("\r\n".utf8)
        }
        body += Data("--\(boundary)--\r\n".utf8)
        return ("multipart/form-data; boundary=\(boundary)", ByteBuffer(bytes: body))
    }

    static func post(_ client: some TestClientProtocol, cookie: String, _ fields: [(String, String)],
                     file: (name: String, data: Data)? = nil) async throws -> TestResponse {
        let (type, body) = multipart(fields, file: file)
        return try await client.execute(uri: "/admin/catalogs/import", method: .post, headers: [.contentType: type, .cookie: cookie], body: body)
    }

    /// The preview's table of items (after the file's own table).
    static func items(_ html: String) -> String { html.components(separatedBy: "读取到的事项及其公开时限").dropFirst().first ?? "" }

    static func upload(_ html: String) -> String? {
        html.components(separatedBy: "name=\"upload\" value=\"").dropFirst().first?.components(separatedBy: "\"").first
    }

    @Test func aMisreadColumnIsFixedInThePreviewThenSaved() async throws {
        try await WebFixture.with { fixture in
            let app = Application(router: fixture.router)
            let file = (name: "民政目录.txt", data: try Data(contentsOf: Self.fixtures.appendingPathComponent("deadline-column-misheaded.txt")))
            let catalogs = CatalogRepository(fixture.database)
            let stored: @Sendable ([String: Int]) -> [Int] = { counts in
                ["agencies", "catalogs", "catalog_nodes", "catalog_items", "audit_log"].map { counts[$0] ?? 0 }
            }
            let before = stored(try await fixture.database.dataRowCounts())
            try await app.test(.router) { client in
                let (cookie, csrf) = try await fixture.session("sysadmin")
                #expect(try await client.get("/admin/catalogs/import", cookie: cookie).text.contains("<option value=\"\" selected>按文件中的机关名称</option>"))
                let first = try await Self.post(client, cookie: cookie, [("_csrf", csrf), ("agency", ""), ("action", "preview")], file: file)
                #expect(first.status == .ok)
                let preview = first.text
                #expect(preview.contains("某县民政局") && preview.contains("保存后作为“某县民政局”的第一版目录"))
                #expect(preview.contains("<select id=\"role-1-5\" name=\"role-5\">"))
                #expect(!Self.items(preview).contains("<td>自该信息形成或者变更之日起20个工作日内</td>"), "the 完成要求 column is not read as the deadline")
                let token = try #require(Self.upload(preview))
                #expect(stored(try await fixture.database.dataRowCounts()) == before, "a preview stores nothing")

                let reread = try await Self.post(client, cookie: cookie, [("_csrf", csrf), ("agency", ""), ("upload", token), ("role-5", "时限"),
                                                                          ("headerRows", ""), ("action", "preview")])
                #expect(reread.status == .ok)
                #expect(reread.text.contains("读作：公开时限（人工指定）"))
                #expect(reread.text.contains("<option value=\"时限\" selected>时限</option>"))
                #expect(Self.items(reread.text).contains("<td>自该信息形成或者变更之日起20个工作日内</td>"))

                let saved = try await Self.post(client, cookie: cookie, [("_csrf", csrf), ("agency", ""), ("upload", token), ("role-5", "时限"),
                                                                         ("headerRows", ""), ("action", "store")])
                #expect(saved.status == .seeOther)
                let agency = try #require(try await AgencyDirectory(fixture.database).agencies().first { $0.name == "某县民政局" })
                let version = try #require(try await catalogs.current(agencyID: agency.id))
                #expect(saved.headers[.location] == "/admin/catalogs/\(version.id)")
                let items = try await catalogs.load(id: version.id).items
                #expect(items.count == 3 && items[0].item.deadlineText == "自该信息形成或者变更之日起20个工作日内")
                #expect(items[0].item.deadlineRule?.kind == .relative)
                // The staged file is gone: saving again asks for a file.
                let again = try await Self.post(client, cookie: cookie, [("_csrf", csrf), ("upload", token), ("action", "store")])
                #expect(again.status == .badRequest && again.text.contains("请选择要导入的目录文件"))
            }
        }
    }

    @Test func anAgencyAdministratorRevisesTheirCatalog() async throws {
        try await WebFixture.with { fixture in
            let app = Application(router: fixture.router)
            let seed = try String(contentsOf: TestAgencies.seeds.appendingPathComponent(
                try FileManager.default.contentsOfDirectory(atPath: TestAgencies.seeds.path).first { $0.hasPrefix("000") }!), encoding: .utf8)
            let revised = seed.replacingOccurrences(of: "执法统计年报", with: "执法统计年度报告")
            try await app.test(.router) { client in
                let (editorCookie, editorCSRF) = try await fixture.session("editor")
                #expect(try await client.get("/admin/catalogs/import", cookie: editorCookie).status == .forbidden)
                let refused = try await Self.post(client, cookie: editorCookie, [("_csrf", editorCSRF), ("agency", String(fixture.yiyuan))],
                                                  file: (name: "x.txt", data: Data(revised.utf8)))
                #expect(refused.status == .forbidden)

                let (cookie, csrf) = try await fixture.session("agencyadmin")
                let other = try await Self.post(client, cookie: cookie, [("_csrf", csrf), ("agency", String(fixture.guannan))],
                                                file: (name: "x.txt", data: Data(revised.utf8)))
                #expect(other.status == .forbidden)
                let same = try await Self.post(client, cookie: cookie, [("_csrf", csrf), ("agency", String(fixture.yiyuan)), ("action", "preview")],
                                               file: (name: "沂源.txt", data: Data(seed.utf8)))
                #expect(same.text.contains("与现行目录完全相同") && !same.text.contains("value=\"store\""))
                let preview = try await Self.post(client, cookie: cookie, [("_csrf", csrf), ("agency", String(fixture.yiyuan)), ("action", "preview")],
                                                  file: (name: "沂源（修订）.txt", data: Data(revised.utf8)))
                #expect(preview.text.contains("保存后作为其修订稿") && preview.text.contains("更名1"))
                let token = try #require(Self.upload(preview.text))
                let saved = try await Self.post(client, cookie: cookie, [("_csrf", csrf), ("agency", String(fixture.yiyuan)), ("upload", token),
                                                                         ("action", "store")])
                let draft = try #require(try await CatalogRepository(fixture.database).drafts(agencyID: fixture.yiyuan).first)
                #expect(saved.status == .seeOther && saved.headers[.location] == "/admin/catalogs/\(draft.id)/revision")
                let bad = try await Self.post(client, cookie: cookie, [("_csrf", csrf), ("agency", String(fixture.yiyuan)), ("role-3", "七级")],
                                              file: (name: "沂源（修订）.txt", data: Data(revised.utf8)))
                #expect(bad.status == .unprocessableContent && bad.text.contains("七级"))
                let rows = try await Self.post(client, cookie: cookie, [("_csrf", csrf), ("agency", String(fixture.yiyuan)), ("headerRows", "两")],
                                               file: (name: "沂源（修订）.txt", data: Data(revised.utf8)))
                #expect(rows.status == .unprocessableContent && rows.text.contains("表头行数须为整数") && Self.upload(rows.text) != nil)
            }
        }
    }
}
