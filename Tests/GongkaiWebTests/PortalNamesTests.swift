import Foundation
import GongkaiCore
import GongkaiStore
import GongkaiWeb
import Hummingbird
import HummingbirdTesting
import Testing

/// Item names on an agency's page, and the public-page link of a draft.
@Suite struct PortalNamesTests {
    @Test func deeperItemsAreIndentedByStyleAndSameNamesShowTheirParent() async throws {
        try await WebFixture.with(.sqlite) { fixture in
            try await Application(router: fixture.router).test(.router) { client in
                let agency = try await client.get("/agencies/\(fixture.yiyuan)", cookie: nil).text
                #expect(!agency.contains("　县级政府部门权责清单"))
                #expect(agency.contains(#"<li class="depth-1"><a href="#))
                // 沂源's 社会救助 has 医疗救助 under 救助标准 and under 救助人数及资金支出.
                #expect(agency.contains("医疗救助（救助标准）") && agency.contains("医疗救助（救助人数及资金支出）"))
                #expect(!agency.contains("部门职能配置及内设机构（"))
            }
        }
    }

    @Test func aDraftLinksToNoPublicPageUntilPublished() async throws {
        try await WebFixture.with(.sqlite) { fixture in
            let records = RecordRepository(fixture.database)
            let admin = fixture.users["agencyadmin"]!
            let draft = try await records.createDraft(by: admin, itemNodeIDs: [try await fixture.item("执法结果")], content: RecordContent(title: "草稿"))
            let session = try await fixture.session("agencyadmin")
            try await Application(router: fixture.router).test(.router) { client in
                let page = try await client.get("/admin/records/\(draft.id)", cookie: session.cookie).text
                #expect(!page.contains(#"href="/records/\#(draft.id)""#))
                #expect(page.contains("尚未发布，还没有公开页面"))
                _ = try await records.submit(by: admin, id: draft.id)
                _ = try await records.approve(by: admin, id: draft.id)
                let published = try await client.get("/admin/records/\(draft.id)", cookie: session.cookie).text
                #expect(published.contains(#"href="/records/\#(draft.id)""#))
                #expect(try await client.get("/records/\(draft.id)", cookie: nil).status == .ok)
            }
        }
    }
}
