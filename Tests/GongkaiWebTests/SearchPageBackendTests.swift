import Foundation
import GongkaiCore
import GongkaiStore
import GongkaiTestSupport
@testable import GongkaiWeb
import Hummingbird
import HummingbirdTesting
import Testing

/// The portal's /search uses the search of the database's backend (FTS5 on SQLite, pg_trgm on PostgreSQL).
@Suite struct SearchPageBackendTests {
    @Test(arguments: StoreBackend.allCases)
    func searchPageFindsPublishedRecordsOnEitherBackend(backend: StoreBackend) async throws {
        try await WebFixture.with(backend) { fixture in
            let records = RecordRepository(fixture.database)
            let admin = fixture.users["agencyadmin"]!
            var ids: [Int] = []
            for (title, body) in [("医保定点药店名单", "定点零售药店共23家。"), ("工作动态", "局党组召开会议。"), ("医疗救助标准", "救助对象<认定>")] {
                let draft = try await records.createDraft(by: admin, itemNodeIDs: [try await fixture.item("执法结果")],
                                                          content: RecordContent(title: title, body: body))
                _ = try await records.submit(by: admin, id: draft.id)
                ids.append(try await records.approve(by: admin, id: draft.id).id)
            }
            _ = try await records.withdraw(by: admin, id: ids[0], reason: "测试")
            let found = ids[2]
            let app = Application(router: fixture.router)
            try await app.test(.router) { client in
                let json = try await client.get("/search?q=%E5%8C%BB&format=json", cookie: nil)  // 医
                let decoded = try JSONDecoder().decode(LinkedSearchResults.self, from: Data(buffer: json.body))
                #expect(decoded.total == 1 && decoded.hits.map(\.id) == [found])
                let html = try await client.get("/search?q=%E8%AE%A4%E5%AE%9A", cookie: nil)  // 认定
                #expect(html.text.contains("救助对象&lt;<mark>认定</mark>&gt;"))
            }
        }
    }
}
