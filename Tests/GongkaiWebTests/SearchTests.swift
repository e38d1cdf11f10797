import Foundation
import GongkaiCore
@testable import GongkaiStore
import Hummingbird
import HummingbirdTesting
import Testing

@Suite struct SearchTests {
    static let texts = [
        ("医疗救助对象认定条件和救助标准", "城乡低保对象、特困人员纳入医疗救助。"),
        ("关于调整城乡居民医保缴费标准的通知", "2026年度城乡居民基本医疗保险个人缴费标准为每人每年400元。"),
        ("医保定点药店名单", "定点零售药店共23家，名单如下。"),
        ("行政处罚决定书", "对某诊所骗取医保基金的行为作出行政处罚。"),
        ("工作动态", "局党组召开专题会议。"),
        ("Annual report 2025", "English text with 医 once."),
    ]

    static func publish(_ fixture: WebFixture) async throws -> [Int] {
        let records = RecordRepository(fixture.database)
        let admin = fixture.users["agencyadmin"]!
        var ids: [Int] = []
        for (title, body) in texts {
            let draft = try await records.createDraft(by: admin, itemNodeIDs: [try await fixture.item("执法结果")],
                                                      content: RecordContent(title: title, documentNumber: "源医保〔2026〕\(ids.count + 1)号", body: body))
            _ = try await records.submit(by: admin, id: draft.id)
            _ = try await records.approve(by: admin, id: draft.id)
            ids.append(draft.id)
        }
        // A draft is never found.
        _ = try await records.createDraft(by: admin, itemNodeIDs: [try await fixture.item("执法结果")], content: RecordContent(title: "医保草稿", body: "医保"))
        return ids
    }

    @Test(arguments: ["医", "医保", "救助", "药店", "保险", "2026", "骗", "年度", "um", "医疗救助", "城乡居民", "不存在的词"])
    func hitSetEqualsASubstringScan(query: String) async throws {
        try await WebFixture.with { fixture in
            let ids = try await Self.publish(fixture)
            let expected = Set(zip(ids, Self.texts).filter { id, text in
                let haystack = (text.0 + "\n" + text.1 + "\n" + "源医保〔2026〕\(ids.firstIndex(of: id)! + 1)号").lowercased()
                return haystack.contains(query.lowercased())
            }.map(\.0))
            let results = try await SQLiteRecordSearch(fixture.database).search(SearchQuery(text: query, pageSize: 100))
            #expect(Set(results.hits.map(\.id)) == expected, "\(query)")
            #expect(results.total == expected.count)
        }
    }

    @Test func snippetsAreEscapedAndMarked() async throws {
        #expect(Snippet.make("前文<b>医保</b>后文", query: "医保") == "前文&lt;b&gt;<mark>医保</mark>&lt;/b&gt;后文")
    }

    @Test func withdrawnRecordsLeaveTheIndexAndFiltersApply() async throws {
        try await WebFixture.with { fixture in
            let ids = try await Self.publish(fixture)
            let search = SQLiteRecordSearch(fixture.database)
            _ = try await RecordRepository(fixture.database).withdraw(by: fixture.users["agencyadmin"]!, id: ids[0], reason: "测试")
            #expect(try await search.search(SearchQuery(text: "医疗救助")).hits.map(\.id).contains(ids[0]) == false)
            #expect(try await search.search(SearchQuery(text: "医保", agencyID: fixture.guannan)).total == 0)
            let app = Application(router: fixture.router)
            try await app.test(.router) { client in
                let json = try await client.get("/search?q=%E5%8C%BB%E4%BF%9D&format=json", cookie: nil)
                #expect(json.status == .ok)
                let decoded = try JSONDecoder().decode(SearchResults.self, from: Data(buffer: json.body))
                #expect(decoded.total == 5) // every 文号 (源医保〔2026〕N号) contains 医保; one record was withdrawn
                let html = try await client.get("/search?q=%E5%8C%BB%E4%BF%9D", cookie: nil)
                #expect(html.text.contains("<mark>医保</mark>"))
            }
        }
    }
}
