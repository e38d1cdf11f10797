import Foundation
import GongkaiCore
@testable import GongkaiStore
@testable import GongkaiWeb
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
        #expect(SearchExcerpt.make("前文<b>医保</b>后文", query: "医保").html == "前文&lt;b&gt;<mark>医保</mark>&lt;/b&gt;后文")
        let long = String(repeating: "甲", count: 50) + "医保" + String(repeating: "乙", count: 50)
        #expect(SearchExcerpt.make(long, query: "医保").html == "…" + String(repeating: "甲", count: 40) + "<mark>医保</mark>"
                + String(repeating: "乙", count: 40) + "…")
        #expect(SearchExcerpt.make(body: "正文", attachments: "附件里的<医保>", title: "标题", query: "医保").html
                == "附件：附件里的&lt;<mark>医保</mark>&gt;")
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
                let decoded = try JSONDecoder().decode(LinkedSearchResults.self, from: Data(buffer: json.body))
                #expect(decoded.total == 5) // every 文号 (源医保〔2026〕N号) contains 医保; one record was withdrawn
                #expect(decoded.hits.contains { $0.snippet.contains("<mark>医保</mark>") })
                let object = try #require(try JSONSerialization.jsonObject(with: Data(buffer: json.body)) as? [String: Any])
                #expect(Set(object.keys) == ["total", "totalIsExact", "page", "pageSize", "hits"])
                let hit = try #require((object["hits"] as? [[String: Any]])?.first)
                #expect(Set(hit.keys).isSubset(of: ["id", "title", "snippet", "indexNumber", "documentNumber", "publishedDate", "agency", "url"]))
                let html = try await client.get("/search?q=%E5%8C%BB%E4%BF%9D", cookie: nil)
                #expect(html.text.contains("<mark>医保</mark>"))
            }
        }
    }

    static func termCounts(_ database: GongkaiDatabase) async throws -> [String: [Int]] {
        var counts: [String: [Int]] = [:]
        for row in try await database.sql.raw("SELECT term, docs, head_docs FROM search_terms").all() {
            counts[try row.decode(column: "term", as: String.self)] = [try row.decode(column: "docs", as: Int.self),
                                                                      try row.decode(column: "head_docs", as: Int.self)]
        }
        return counts
    }

    @Test func termCountsStayExactThroughRevisionsAndWithdrawals() async throws {
        try await WebFixture.with { fixture in
            let ids = try await Self.publish(fixture)
            let records = RecordRepository(fixture.database)
            let admin = fixture.users["agencyadmin"]!
            _ = try await records.withdraw(by: admin, id: ids[1], reason: "测试")
            _ = try await records.revise(by: admin, id: ids[2])
            var content = try #require(try await records.record(id: ids[2])).content
            content.title = "医保定点药店名单（更新）"
            content.body = "定点零售药店共25家，新增两家。"
            _ = try await records.update(by: admin, id: ids[2], content: content)
            _ = try await records.submit(by: admin, id: ids[2])
            _ = try await records.approve(by: admin, id: ids[2])
            let maintained = try await Self.termCounts(fixture.database)
            try await fixture.database.transaction { db in try await SearchIndexer.finishBulkLoad(in: db) }
            #expect(try await Self.termCounts(fixture.database) == maintained)
            #expect(maintained[SearchGrams.encode("新增")] == [1, 0]) // only in the revised body
            #expect(maintained[SearchGrams.encode("23")] == nil) // the old body (23家) is gone
            #expect(maintained[SearchGrams.encode("更新")] == [1, 1])
        }
    }

    @Test func aRebuiltIndexMatchesTheMaintainedOne() async throws {
        try await WebFixture.with { fixture in
            _ = try await Self.publish(fixture)
            let search = SQLiteRecordSearch(fixture.database)
            let before = try await Self.termCounts(fixture.database)
            let results = try await search.search(SearchQuery(text: "医保", pageSize: 100))
            // What migration 007 does: empty index, every public record queued.
            try await fixture.database.transaction { db in
                for table in ["record_fts", "record_grams", "search_terms"] { try await db.raw("DELETE FROM \(unsafeRaw: table)").run() }
                try await db.raw("INSERT INTO search_pending (record_id, publish_at) SELECT id, '' FROM records WHERE published_version IS NOT NULL").run()
            }
            try await SearchIndexer.indexDue(bulkThreshold: 0, in: fixture.database)
            #expect(try await Self.termCounts(fixture.database) == before)
            #expect(try await search.search(SearchQuery(text: "医保", pageSize: 100)) == results)
        }
    }

    @Test func dateOrderFollowsThePublicationDateAndRelevancePutsTitleHitsFirst() async throws {
        try await WebFixture.with { fixture in
            let records = RecordRepository(fixture.database)
            let admin = fixture.users["agencyadmin"]!
            let item = try await fixture.item("执法结果")
            var ids: [Int] = []
            // Created in this order, published with these dates: the newest id is the oldest publication.
            for (title, body, daysAgo) in [("工作动态", "医保基金监管。", 30), ("医保基金监管通报", "通报如下。", 10), ("会议纪要", "研究医保基金事项。", 400)] {
                let draft = try await records.createDraft(by: admin, itemNodeIDs: [item], content: RecordContent(title: title, body: body))
                _ = try await records.submit(by: admin, id: draft.id)
                _ = try await records.approve(by: admin, id: draft.id, publishAt: Date().addingTimeInterval(-Double(daysAgo) * 86_400))
                ids.append(draft.id)
            }
            let search = SQLiteRecordSearch(fixture.database)
            for text in ["医保", "医保基金"] {
                #expect(try await search.search(SearchQuery(text: text, sort: .date)).hits.map(\.id) == [ids[1], ids[0], ids[2]], "\(text)")
                #expect(try await search.search(SearchQuery(text: text, sort: .relevance)).hits.map(\.id).first == ids[1], "\(text)")
                // Page 2 of size 1 under relevance continues with the body hits, newest first.
                #expect(try await search.search(SearchQuery(text: text, sort: .relevance, page: 2, pageSize: 1)).hits.map(\.id) == [ids[0]])
                #expect(try await search.search(SearchQuery(text: text, agencyID: fixture.yiyuan, sort: .date)).hits.map(\.id) == [ids[1], ids[0], ids[2]])
            }
        }
    }

    @Test func theSearchPageKeepsItsFiltersAcrossPagesAndCanStayInOneItem() async throws {
        try await WebFixture.with { fixture in
            let records = RecordRepository(fixture.database)
            let admin = fixture.users["agencyadmin"]!
            let item = try await fixture.item("执法结果")
            for number in 1...21 {
                let draft = try await records.createDraft(by: admin, itemNodeIDs: [item], content: RecordContent(title: "医保通知第\(number)号", validity: .valid, body: "正文"))
                _ = try await records.submit(by: admin, id: draft.id)
                _ = try await records.approve(by: admin, id: draft.id)
            }
            let app = Application(router: fixture.router)
            try await app.test(.router) { client in
                let page = try await client.get("/search?q=%E5%8C%BB%E4%BF%9D&item=\(item)&validity=valid&from=2020-01-01&sort=date", cookie: nil).text
                #expect(page.contains("共找到 21 条信息"))
                #expect(page.contains("只在栏目“"))
                #expect(page.contains("item=\(item)&amp;from=2020-01-01&amp;validity=valid&amp;sort=date&amp;page=2"))
                let second = try await client.get("/search?q=%E5%8C%BB%E4%BF%9D&item=\(item)&validity=valid&from=2020-01-01&sort=date&page=2", cookie: nil).text
                #expect(second.contains("医保通知第1号"))
                let itemPage = try await client.get("/items/\(item)", cookie: nil).text
                #expect(itemPage.contains(#"<input type="hidden" name="item" value="\#(item)">"#))
                let other = try await fixture.item("政策解读")
                #expect(try await client.get("/search?q=%E5%8C%BB%E4%BF%9D&item=\(other)", cookie: nil).text.contains("共找到 0 条信息"))
            }
        }
    }

    @Test func longQueriesCountExactlyUpToTheLimitAndSayWhenThereAreMore() async throws {
        try await WebFixture.with { fixture in
            _ = try await Self.publish(fixture)
            // All six published records have 源医保〔2026〕 in their 文号; the draft has none and is not public.
            let exact = try await SQLiteRecordSearch(fixture.database, countLimit: 6).search(SearchQuery(text: "源医保〔2026〕"))
            #expect(exact.total == 6 && exact.totalIsExact)
            let bounded = try await SQLiteRecordSearch(fixture.database, countLimit: 4).search(SearchQuery(text: "源医保〔2026〕", pageSize: 5))
            #expect(bounded.total == 4 && !bounded.totalIsExact)
            #expect(bounded.hits.count == 5) // the page itself is not cut
            // One- and two-character totals come from search_terms and stay exact.
            let short = try await SQLiteRecordSearch(fixture.database, countLimit: 1).search(SearchQuery(text: "医保"))
            #expect(short.total == 6 && short.totalIsExact)
            // Filters on the date range are key ranges; the total is the same as a scan's.
            let dated = try await SQLiteRecordSearch(fixture.database).search(SearchQuery(text: "医保", from: CivilDate(localDate: Date()), to: CivilDate(localDate: Date())))
            #expect(dated.total == 6)
            let tomorrow = CivilDate(localDate: Date()).adding(days: 1)
            #expect(try await SQLiteRecordSearch(fixture.database).search(SearchQuery(text: "医保", from: tomorrow)).total == 0)
        }
    }
}
