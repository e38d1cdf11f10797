import Foundation
import GongkaiCore
@testable import GongkaiStore
import GongkaiTestSupport
import SQLKit
import Testing

/// Search on either backend finds exactly what a plain case-insensitive substring scan of the public records'
/// title, body and 文号 finds, for queries of one, two and four characters, with and without filters.
@Suite struct SearchParityTests {
    struct Published {
        var id: Int
        var agencyID: Int
        var item: Int
        var date: CivilDate
        var content: RecordContent
        var isPublic: Bool

        var haystacks: [String] { [content.title, content.body, content.documentNumber].map { $0.lowercased() } }
    }

    /// A fixed pseudo-random text over a small alphabet, so short queries hit many records and long ones few.
    struct Text {
        static let alphabet = Array("医保局基金药店救助城乡居民aBcD")
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        mutating func string(_ length: Int) -> String { String((0..<length).map { _ in Self.alphabet[next(Self.alphabet.count)] }) }
    }

    /// Publishes 30 records over two agencies and three items, backdated over three years, with mixed validity;
    /// one more is withdrawn and one is scheduled for later, so neither is public.
    static func publish(_ fixture: RecordFixture, now: Date) async throws -> [Published] {
        var text = Text(state: 2026)
        let yiyuanItems = Array(try await fixture.items(agencyID: fixture.yiyuan).prefix(2))
        let guannanItem = try await fixture.items(agencyID: fixture.guannan)[0]
        var published: [Published] = []
        for index in 0..<32 {
            let agency = index % 3 == 2 ? fixture.guannan : fixture.yiyuan
            let item = agency == fixture.guannan ? guannanItem : yiyuanItems[index % 2]
            let validity: Validity? = [nil, .valid, .expired, .repealed][index % 4]
            let content = RecordContent(title: text.string(4 + text.next(6)), documentNumber: "源医保〔\(2024 + index % 3)〕\(index)号",
                                        validity: validity, validityChangedOn: validity == .valid || validity == nil ? nil : CivilDate("2025-01-01"),
                                        body: text.string(20 + text.next(60)))
            let day = CivilDate("2024-01-05")!.adding(days: index * 31)
            let publishAt = index == 31 ? now.addingTimeInterval(86_400) : Date(timeIntervalSince1970: Double(day.dayNumber) * 86_400 + 4 * 3600)
            let record = try await fixture.publish(content, item: item, agencyID: agency, publishAt: publishAt, now: now)
            if index == 30 { _ = try await fixture.records.withdraw(by: fixture.admin(of: agency), id: record.id, reason: "测试撤回") }
            published.append(Published(id: record.id, agencyID: agency, item: item, date: record.publishedDate!, content: content,
                                       isPublic: index < 30))
        }
        return published
    }

    static func queries(_ records: [Published]) -> [String] {
        // Four-character queries are cut from record texts (so they hit), plus mixed case and one that hits nothing.
        let cut = records.prefix(6).map { String($0.content.body.dropFirst(3).prefix(4)) }
        // Three characters whose grams (医, 保, 医保, 保医) many records have without having the text itself,
        // repeated characters, and mixed-case ASCII.
        return ["医", "a", "B", "医保", "bC", "金药", "〔2025", "ABCD", "医保医", "保局医保", "医医", "保保保", "aBa"] + cut + ["不存在的"]
    }

    /// Every hit, over all pages, newest first.
    static func allHits(_ search: any RecordSearch, _ query: SearchQuery, now: Date) async throws -> (total: Int, ids: [Int]) {
        var ids: [Int] = []
        var page = 1, total = 0
        repeat {
            var paged = query
            paged.page = page
            paged.pageSize = 7
            let results = try await search.search(paged, now: now)
            total = results.total
            ids += results.hits.map(\.id)
            page += 1
        } while ids.count < total && page < 20
        return (total, ids)
    }

    static func expected(_ records: [Published], _ text: String, _ keep: (Published) -> Bool = { _ in true }) -> [Int] {
        records.filter { $0.isPublic && keep($0) && $0.haystacks.contains { $0.contains(text.lowercased()) } }
            .sorted { ($0.date, $0.id) > ($1.date, $1.id) }.map(\.id)
    }

    /// Each query's total and its hits newest first, over all pages, equal a scan of `records`.
    static func expectDateOrderEqualsAScan(_ search: any RecordSearch, _ records: [Published], _ queries: [String], now: Date) async throws {
        for text in queries {
            let expected = Self.expected(records, text)
            let hits = try await allHits(search, SearchQuery(text: text, sort: .date), now: now)
            #expect(hits.total == expected.count && hits.ids == expected, "query \(text)")
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func hitsEqualASubstringScan(backend: StoreBackend) async throws {
        try await TestDatabase.with(backend) { database in
            let fixture = try await RecordFixture.make(database)
            let now = Date()
            let records = try await Self.publish(fixture, now: now)
            let search = database.recordSearch()
            // The data spans the cases: queries with no hit, with one page of hits and with several pages.
            let counts = Self.queries(records).map { Self.expected(records, $0).count }
            #expect(counts.contains(0) && counts.contains { (1...7).contains($0) } && counts.contains { $0 > 14 })
            for text in Self.queries(records) {
                let expected = Self.expected(records, text)
                let byDate = try await Self.allHits(search, SearchQuery(text: text, sort: .date), now: now)
                #expect(byDate.total == expected.count, "query \(text)")
                #expect(byDate.ids == expected, "query \(text)")
                let byRelevance = try await Self.allHits(search, SearchQuery(text: text), now: now)
                // Relevance: records with the text in the title or 文号 first, then the others, each newest first.
                let inHead = Set(records.filter { [$0.content.title, $0.content.documentNumber].contains { $0.lowercased().contains(text.lowercased()) } }.map(\.id))
                #expect(byRelevance.ids == expected.filter(inHead.contains) + expected.filter { !inHead.contains($0) }, "query \(text)")
            }
            // The scheduled record is found once its time has come.
            let scheduled = records[31]
            let later = now.addingTimeInterval(2 * 86_400)
            let hits = try await Self.allHits(search, SearchQuery(text: scheduled.content.title, sort: .date), now: later)
            #expect(hits.ids.contains(scheduled.id))
        }
    }

    /// An index written in migration 011's layout (four lowercased copies), as an upgraded installation has it:
    /// migration 012 joins them into `folded_head` and `folded_text`, and every query finds what a scan finds.
    @Test func migration012JoinsTheFoldedCopies() async throws {
        try await TestDatabase.with(.postgresql) { database in
            let fixture = try await RecordFixture.make(database)
            let now = Date()
            let records = try await Self.publish(fixture, now: now)
            let search = database.recordSearch()
            _ = try await search.search(SearchQuery(text: "医"), now: now)
            try await database.transaction { db in
                try await db.raw("""
                    ALTER TABLE record_search ADD COLUMN folded_title TEXT NOT NULL DEFAULT '', ADD COLUMN folded_body TEXT NOT NULL DEFAULT '',
                    ADD COLUMN folded_document_number TEXT NOT NULL DEFAULT '', ADD COLUMN folded_attachments TEXT NOT NULL DEFAULT ''
                    """).run()
                try await db.raw("""
                    UPDATE record_search SET folded_title = lower(title), folded_body = lower(body),
                    folded_document_number = lower(document_number), folded_attachments = lower(attachments)
                    """).run()
                try await db.raw("ALTER TABLE record_search DROP COLUMN folded_head, DROP COLUMN folded_text").run()
                try await db.raw("DELETE FROM schema_migrations WHERE version = 12").run()
            }
            try await Migrator.migrate(database)
            let joined = try await database.sql.raw("SELECT COUNT(*) AS n FROM record_search WHERE folded_text LIKE '%' || chr(1) || '%'")
                .first()!.decode(column: "n", as: Int.self)
            #expect(joined == records.filter(\.isPublic).count)
            try await Self.expectDateOrderEqualsAScan(search, records, Self.queries(records), now: now)
        }
    }

    /// A quote or wildcard followed by a combining mark is one Character to Swift but still a quote or wildcard
    /// to SQLite and PostgreSQL (found by scripts/fuzz search, Fuzz/crashes/search-quote-combining-mark): such
    /// queries find exactly their record on both backends. Short queries of punctuation find nothing, by design.
    @Test(arguments: StoreBackend.allCases)
    func quotesAndWildcardsJoinedWithCombiningMarks(backend: StoreBackend) async throws {
        try await TestDatabase.with(backend) { database in
            let fixture = try await RecordFixture.make(database)
            let now = Date()
            let item = try await fixture.items(agencyID: fixture.yiyuan)[0]
            let content = RecordContent(title: "通知'\u{5B7}博ez\"\u{301}x%\u{301}_\u{301}", body: "正文")
            let record = try await fixture.publish(content, item: item, agencyID: fixture.yiyuan, publishAt: now.addingTimeInterval(-60), now: now)
            let search = database.recordSearch()
            for text in ["'\u{5B7}博ez", "z\"\u{301}x", "x%\u{301}_\u{301}"] {
                #expect(try await search.search(SearchQuery(text: text), now: now).hits.map(\.id) == [record.id], "query \(text)")
            }
            // The last spans fields joined by U+0001 in PostgreSQL's folded copies: no record has it.
            for text in ["'\u{5B7}", "\"\u{301}x", "%\u{301}_", "%_", "x%_", "\u{1}\u{1}正文"] {
                #expect(try await search.search(SearchQuery(text: text), now: now).hits.isEmpty, "query \(text)")
            }
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func filtersAndSnippets(backend: StoreBackend) async throws {
        try await TestDatabase.with(backend) { database in
            let fixture = try await RecordFixture.make(database)
            let now = Date()
            let records = try await Self.publish(fixture, now: now)
            let search = database.recordSearch()
            let from = CivilDate("2024-06-01")!, to = CivilDate("2025-06-30")!
            let item = records[0].item
            for text in ["医", "保局", "aB"] {
                let cases: [(SearchQuery, (Published) -> Bool)] = [
                    (SearchQuery(text: text, agencyID: fixture.guannan, sort: .date), { $0.agencyID == fixture.guannan }),
                    (SearchQuery(text: text, itemNodeID: item, sort: .date), { $0.item == item }),
                    (SearchQuery(text: text, from: from, to: to, sort: .date), { $0.date >= from && $0.date <= to }),
                    (SearchQuery(text: text, validity: .expired, sort: .date), { $0.content.validity == .expired }),
                    (SearchQuery(text: text, agencyID: fixture.yiyuan, from: from, validity: .valid, sort: .date),
                     { $0.agencyID == fixture.yiyuan && $0.date >= from && $0.content.validity == .valid }),
                ]
                for (query, keep) in cases {
                    let expected = Self.expected(records, text, keep)
                    let hits = try await Self.allHits(search, query, now: now)
                    #expect(hits.total == expected.count && hits.ids == expected, "query \(text) \(query)")
                }
            }
            let beyond = try await search.search(SearchQuery(text: "医", page: 50), now: now)
            #expect(beyond.total == Self.expected(records, "医").count && beyond.hits.isEmpty)
            let first = try #require(try await search.search(SearchQuery(text: "医保", pageSize: 1), now: now).hits.first)
            let record = try #require(records.first { $0.id == first.id })
            #expect(first.title == record.content.title && first.documentNumber == record.content.documentNumber)
            #expect(first.excerpt == SearchExcerpt.make(record.content.body, query: "医保"))
            #expect(first.agency.contains(record.agencyID == fixture.yiyuan ? "沂源" : "灌南"))
            #expect(first.id == record.id)
        }
    }

    /// Withdrawing and revising records keeps the index exact: the maintained term counts equal a recount, and the
    /// hits still equal a scan of what is public.
    @Test(arguments: StoreBackend.allCases)
    func withdrawalsAndRevisionsKeepTheIndexExact(backend: StoreBackend) async throws {
        try await TestDatabase.with(backend) { database in
            let fixture = try await RecordFixture.make(database)
            let now = Date()
            var records = try await Self.publish(fixture, now: now)
            let withdrawn = records[3], revised = records[4]
            _ = try await fixture.records.withdraw(by: fixture.admin(of: withdrawn.agencyID), id: withdrawn.id, reason: "测试撤回")
            records[3].isPublic = false
            let admin = fixture.admin(of: revised.agencyID)
            _ = try await fixture.records.revise(by: admin, id: revised.id)
            var content = revised.content
            content.title = "修订后的标题Xyz"
            content.body = "城乡居民医保缴费标准调整。"
            _ = try await fixture.records.update(by: admin, id: revised.id, content: content)
            _ = try await fixture.records.submit(by: admin, id: revised.id)
            _ = try await fixture.records.approve(by: admin, id: revised.id)
            records[4].content = content
            let search = database.recordSearch()
            try await Self.expectDateOrderEqualsAScan(search, records, ["医", "医保", "xyz", "缴费标准", "修订后", Self.queries(records)[13]], now: now)
            let maintained = try await Self.termCounts(database)
            try await database.transaction { db in try await SearchIndexer.finishBulkLoad(in: db) }
            #expect(try await Self.termCounts(database) == maintained)
            #expect(!maintained.isEmpty)
        }
    }

    /// A bulk load (the benchmark's million records) drops the posting and trigram indexes on PostgreSQL and
    /// `finishBulkLoad` builds them again: afterwards the indexes, the counts and every hit are as before.
    @Test(arguments: StoreBackend.allCases)
    func bulkLoadRebuildsWhatItDropped(backend: StoreBackend) async throws {
        try await TestDatabase.with(backend) { database in
            let fixture = try await RecordFixture.make(database)
            let now = Date()
            let records = try await Self.publish(fixture, now: now)
            let search = database.recordSearch()
            _ = try await search.search(SearchQuery(text: "医"), now: now)
            let counts = try await Self.termCounts(database)
            @Sendable func indexes(_ db: any SQLDatabase) async throws -> Set<String> {
                guard database.isPostgres else { return [] }
                return Set(try await db.raw("SELECT indexname FROM pg_indexes WHERE tablename IN ('search_postings', 'record_search')")
                    .all().map { try $0.decode(column: "indexname", as: String.self) })
            }
            let before = try await indexes(database.sql)
            try await database.transaction { db in
                try await SearchIndexer.beginBulkLoad(in: db)
                if database.isPostgres {
                    #expect(try await indexes(db).isDisjoint(with: PostgresSearchIndexer.bulkIndexes.map(\.name)))
                }
                for record in records where record.isPublic {
                    try await SearchIndexer.reindex(recordID: record.id, now: now, termCounting: .deferred, in: db)
                }
                try await SearchIndexer.finishBulkLoad(in: db)
            }
            #expect(try await indexes(database.sql) == before)
            #expect(!database.isPostgres || before.isSuperset(of: PostgresSearchIndexer.bulkIndexes.map(\.name)))
            #expect(try await Self.termCounts(database) == counts)
            try await Self.expectDateOrderEqualsAScan(search, records, Self.queries(records), now: now)
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
}
