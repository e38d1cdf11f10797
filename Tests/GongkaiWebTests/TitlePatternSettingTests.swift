import Foundation
import GongkaiCore
import GongkaiStore
import GongkaiTestSupport
import GongkaiWeb
import Hummingbird
import HummingbirdTesting
import Testing

/// An agency administrator sets an item's title pattern on the item page; the compliance monitor then checks titles by it.
@Suite struct TitlePatternSettingTests {
    @Test func administratorsSetTheTitlePatternEditorsCannot() async throws {
        try await WebFixture.with { fixture in
            let app = Application(router: fixture.router)
            let item = try await fixture.item("人大代表建议")
            try await app.test(.router) { client in
                let (editorCookie, editorCSRF) = try await fixture.session("editor")
                let denied = try await client.post("/admin/items/\(item)/title-pattern", form: ["_csrf": editorCSRF, "pattern": "x"], cookie: editorCookie)
                #expect(denied.status == .forbidden)

                let (cookie, csrf) = try await fixture.session("agencyadmin")
                let saved = try await client.post("/admin/items/\(item)/title-pattern",
                                                  form: ["_csrf": csrf, "pattern": "对xx次会议第xx号建议/提案的答复"], cookie: cookie)
                #expect(saved.status == .seeOther)
                #expect(try await client.get("/admin/items/\(item)", cookie: cookie).text.contains("value=\"对xx次会议第xx号建议/提案的答复\""))
            }
            let items = try await ComplianceRepository(fixture.database).items(agencyID: fixture.yiyuan)
            let pattern = try #require(items.first { $0.id == item }?.titlePattern)
            #expect(pattern.matches("对县十八届人大3次会议第12号建议的答复"))
            #expect(!pattern.matches("关于医保有关建议的回复"))
        }
    }
}
