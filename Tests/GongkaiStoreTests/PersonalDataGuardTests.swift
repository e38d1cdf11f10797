import Foundation
import GongkaiCore
@testable import GongkaiStore
import GongkaiTestSupport
import Testing

/// Unmasked personal data stops submission and publication until a person takes responsibility, and that is audited.
@Suite struct PersonalDataGuardTests {
    static let body = "经审核，现将救助对象公示如下：李某某，身份证号 370323198507121233，联系电话 13812345678。"

    @Test(arguments: StoreBackend.allCases)
    func personalDataBlocksUntilAcknowledgedAndOverridden(backend: StoreBackend) async throws {
        try await TestDatabase.with(backend) { database in
            let fixture = try await RecordFixture.make(database)
            let records = fixture.records, admin = fixture.yiyuanAdmin
            let item = try await fixture.item("医疗救助", agencyID: fixture.yiyuan)
            let draft = try await records.createDraft(by: admin, itemNodeIDs: [item],
                                                      content: RecordContent(title: "2026年第三季度医疗救助对象公示", body: Self.body))

            await #expect(throws: RecordFailure.self) { try await records.submit(by: admin, id: draft.id) }
            #expect(try await records.record(id: draft.id)?.status == .draft)
            let check = try await records.personalDataCheck(id: draft.id)
            #expect(check.kinds == [.idNumber, .mobile])
            #expect(check.message.contains("138****5678"))

            _ = try await records.submit(by: admin, id: draft.id, personalDataAcknowledgement: "惩戒公示，依法需公开")
            await #expect(throws: RecordFailure.self) { try await records.approve(by: admin, id: draft.id) }
            await #expect(throws: RecordFailure.self) { try await records.approve(by: admin, id: draft.id, personalDataOverride: "  ") }
            #expect(try await records.publicVersion(id: draft.id) == nil)

            let published = try await records.approve(by: admin, id: draft.id, personalDataOverride: "经法制审核，属依法公示")
            #expect(published.status == .published)
            let row = try await database.sql.raw("SELECT personal_data, personal_data_override FROM records WHERE id = \(bind: draft.id)").first()!
            #expect(try row.decode(column: "personal_data", as: String.self) == "idNumber,mobile")
            #expect(try row.decode(column: "personal_data_override", as: String?.self) == "经法制审核，属依法公示")

            let actions = try await database.sql.raw("SELECT action, before FROM audit_log WHERE object_id = \(bind: String(draft.id)) ORDER BY id").all()
                .map { (try $0.decode(column: "action", as: String.self), try $0.decode(column: "before", as: String.self)) }
            let guarded = actions.filter { $0.0.hasPrefix("record.personal_data_") }
            #expect(guarded.map(\.0) == ["record.personal_data_acknowledged", "record.personal_data_override"])
            // The audit trail keeps the masked form only.
            #expect(guarded.allSatisfy { !$0.1.contains("13812345678") && $0.1.contains("138****5678") })
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func cleanRecordsPublishWithoutQuestions(backend: StoreBackend) async throws {
        try await TestDatabase.with(backend) { database in
            let fixture = try await RecordFixture.make(database)
            let item = try await fixture.item("医疗救助", agencyID: fixture.yiyuan)
            let record = try await fixture.publish(RecordContent(title: "医疗救助对象公示", body: "李某某，身份证号 37*************233，电话 138****5678。"),
                                                   item: item, agencyID: fixture.yiyuan)
            #expect(record.status == .published)
        }
    }
}
