import Foundation
import GongkaiCore
@testable import GongkaiStore
import GongkaiTestSupport
import Testing

@Suite struct PublishingWorkflowTests {
    @Test(arguments: StoreBackend.allCases)
    func createSubmitPublishReviseWithdrawKeepsAnIntactAuditChain(backend: StoreBackend) async throws {
        try await TestDatabase.with(backend) { database in
            let fixture = try await RecordFixture.make(database)
            let records = fixture.records, admin = fixture.yiyuanAdmin
            let item = try await fixture.item("执法结果", agencyID: fixture.yiyuan)
            let search = database.recordSearch()

            let draft = try await records.createDraft(by: admin, itemNodeIDs: [item],
                                                      content: RecordContent(title: "关于某药店的行政处罚决定", documentNumber: "源医保罚字〔2026〕3号",
                                                                             validity: .valid, body: "处罚决定如下。"))
            #expect(draft.status == .draft && draft.version == 1 && draft.indexNumber == nil)
            #expect(try await records.submit(by: admin, id: draft.id).status == .submitted)
            #expect(try await records.publicVersion(id: draft.id) == nil)
            let published = try await records.approve(by: admin, id: draft.id)
            let year = CivilDate(localDate: Date()).year
            #expect(published.status == .published)
            #expect(published.indexNumber == "11370323MB0000000X/\(year)-00001")
            #expect(try await search.search(SearchQuery(text: "药店"), now: Date()).hits.map(\.id) == [draft.id])

            let revising = try await records.revise(by: admin, id: draft.id)
            #expect(revising.status == .draft && revising.version == 2)
            #expect(try await records.publicVersion(id: draft.id)?.version == 1)
            var revised = revising.content
            revised.title = "关于某诊所的行政处罚决定"
            _ = try await records.update(by: admin, id: draft.id, content: revised)
            _ = try await records.submit(by: admin, id: draft.id)
            let republished = try await records.approve(by: admin, id: draft.id)
            #expect(republished.indexNumber == published.indexNumber)
            #expect(try await records.publicVersion(id: draft.id)?.content.title == "关于某诊所的行政处罚决定")
            #expect(try await records.versions(id: draft.id).map(\.version) == [1, 2])
            #expect(try await search.search(SearchQuery(text: "药店"), now: Date()).total == 0)
            #expect(try await search.search(SearchQuery(text: "诊所"), now: Date()).hits.map(\.id) == [draft.id])

            let withdrawn = try await records.withdraw(by: admin, id: draft.id, reason: "内容有误")
            #expect(withdrawn.status == .withdrawn && withdrawn.statusReason == "内容有误")
            #expect(try await search.search(SearchQuery(text: "诊所"), now: Date()).total == 0)
            #expect(try await PortalQueries(database).records(agencyID: nil, limit: nil).isEmpty)

            let audit = AuditLog(database)
            let actions = try await audit.entries(limit: nil, ascending: true, filter: .init(objectType: "record", objectID: String(draft.id)))
                .map(\.action)
            #expect(actions == ["record.created", "record.submitted", "record.published", "record.revised", "record.edited",
                                "record.submitted", "record.published", "record.withdrawn"])
            let all = try await audit.entries(limit: nil)
            #expect(try await audit.verify() == .intact(entries: all.count))
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func auditVerifyNamesAnAlteredEntry(backend: StoreBackend) async throws {
        try await TestDatabase.with(backend) { database in
            let fixture = try await RecordFixture.make(database)
            try await fixture.publish(RecordContent(title: "工作动态"), item: try await fixture.item("执法结果", agencyID: fixture.yiyuan),
                                      agencyID: fixture.yiyuan)
            try await database.sql.raw("UPDATE audit_log SET after = 'altered' WHERE id = 2").run()
            #expect(try await AuditLog(database).verify() == .broken(entryID: 2, reason: "内容与哈希不符，记录被改动"))
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func scheduledPublicationIsFoundOnlyOnceItsTimeComes(backend: StoreBackend) async throws {
        try await TestDatabase.with(backend) { database in
            let fixture = try await RecordFixture.make(database)
            let now = Date()
            let record = try await fixture.publish(RecordContent(title: "定时发布的医保通知"), item: try await fixture.item("执法结果", agencyID: fixture.yiyuan),
                                                   agencyID: fixture.yiyuan, publishAt: now.addingTimeInterval(3600), now: now)
            let search = database.recordSearch()
            #expect(try await search.search(SearchQuery(text: "医保"), now: now).total == 0)
            #expect(try await fixture.records.publicVersion(id: record.id, now: now) == nil)
            let later = now.addingTimeInterval(7200)
            #expect(try await search.search(SearchQuery(text: "医保"), now: later).hits.map(\.id) == [record.id])
            #expect(try await fixture.records.publicVersion(id: record.id, now: later)?.version == 1)
        }
    }
}
