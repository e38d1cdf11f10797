import Foundation
import GongkaiCore
import GongkaiStore
import GongkaiTestSupport
import Hummingbird
import HummingbirdTesting
import Testing

@Suite struct PublishingFlowTests {
    @Test(arguments: StoreBackend.allCases)
    func editorDraftsReviewerApprovesThePublicSeesTheIndexNumber(backend: StoreBackend) async throws {
        try await WebFixture.with(backend) { fixture in
            let app = Application(router: fixture.router)
            let item = try await fixture.item("执法结果")
            let editor = try await fixture.session("editor"), reviewer = try await fixture.session("reviewer")
            try await app.test(.router) { client in
                let created = try await client.post("/admin/items/\(item)/records", form: [
                    "_csrf": editor.csrf, "title": "关于某药店违规使用医保基金的行政处罚决定", "documentNumber": "源医保罚字〔2026〕3号",
                    "issuer": "淄博市医疗保障局沂源分局", "triggerDate": "2026-09-30", "body": "处罚决定如下。",
                ], cookie: editor.cookie)
                #expect(created.status == .seeOther)
                let location = try #require(created.headers[.location])
                let id = Int(location.split(separator: "/").last!)!
                #expect(try await client.post("/admin/records/\(id)/submit", form: ["_csrf": editor.csrf], cookie: editor.cookie).status == .seeOther)
                #expect(try await client.get("/records/\(id)", cookie: nil).status == .notFound)
                #expect(try await client.post("/admin/records/\(id)/approve", form: ["_csrf": reviewer.csrf], cookie: reviewer.cookie).status == .seeOther)
                let page = try await client.get("/records/\(id)", cookie: nil)
                #expect(page.status == .ok)
                let year = CivilDate(localDate: Date()).year
                #expect(page.text.contains("11370323MB0000000X/\(year)-00001"))
                #expect(page.text.contains("源医保罚字〔2026〕3号"))
                // The item page shows the due date computed from the trigger date (7 workdays for 行政处罚 is a branch;
                // the default branch, 20 workdays, applies to records without a kind).
                let itemPage = try await client.get("/admin/items/\(item)", cookie: editor.cookie)
                #expect(itemPage.text.contains("2026-11-03"))
            }
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func editorCannotDraftUnderAnotherDepartmentsItem(backend: StoreBackend) async throws {
        try await WebFixture.with(backend) { fixture in
            let app = Application(router: fixture.router)
            let item = try await fixture.item("部门职能配置及内设机构") // 综合科
            let editor = try await fixture.session("editor")
            try await app.test(.router) { client in
                #expect(try await client.get("/admin/items/\(item)/records/new", cookie: editor.cookie).status == .forbidden)
                let post = try await client.post("/admin/items/\(item)/records", form: ["_csrf": editor.csrf, "title": "越权"], cookie: editor.cookie)
                #expect(post.status == .forbidden)
            }
            #expect(try await RecordRepository(fixture.database).records(agencyID: nil).isEmpty)
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func withdrawnRecordLeavesANoticeAndAnAuditEntry(backend: StoreBackend) async throws {
        try await WebFixture.with(backend) { fixture in
            let records = RecordRepository(fixture.database)
            let admin = fixture.users["agencyadmin"]!
            let draft = try await records.createDraft(by: admin, itemNodeIDs: [try await fixture.item("执法结果")], content: RecordContent(title: "待撤回的信息"))
            _ = try await records.submit(by: admin, id: draft.id)
            _ = try await records.approve(by: admin, id: draft.id)
            let reviewer = try await fixture.session("reviewer")
            let app = Application(router: fixture.router)
            try await app.test(.router) { client in
                let withoutReason = try await client.post("/admin/records/\(draft.id)/withdraw", form: ["_csrf": reviewer.csrf], cookie: reviewer.cookie)
                #expect(withoutReason.status == .badRequest)
                #expect(try await client.post("/admin/records/\(draft.id)/withdraw", form: ["_csrf": reviewer.csrf, "reason": "内容有误"], cookie: reviewer.cookie).status == .seeOther)
                let notice = try await client.get("/records/\(draft.id)", cookie: nil)
                #expect(notice.status == .gone)
                #expect(notice.text.contains("该信息已撤回"))
                #expect(notice.text.contains("内容有误"))
            }
            let entries = try await AuditLog(fixture.database).entries(limit: nil, filter: .init(objectType: "record", objectID: String(draft.id)))
            #expect(entries.map(\.action).contains("record.withdrawn"))
            #expect(entries.first { $0.action == "record.withdrawn" }?.actor == "reviewer")
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func revisionKeepsThePublishedVersionPublicUntilApproved(backend: StoreBackend) async throws {
        try await WebFixture.with(backend) { fixture in
            let records = RecordRepository(fixture.database)
            let admin = fixture.users["agencyadmin"]!
            let draft = try await records.createDraft(by: admin, itemNodeIDs: [try await fixture.item("执法结果")], content: RecordContent(title: "第一版标题"))
            _ = try await records.submit(by: admin, id: draft.id)
            let first = try await records.approve(by: admin, id: draft.id)
            _ = try await records.revise(by: admin, id: draft.id)
            _ = try await records.update(by: admin, id: draft.id, content: RecordContent(title: "第二版标题"))
            #expect(try await records.publicVersion(id: draft.id)?.content.title == "第一版标题")
            _ = try await records.submit(by: admin, id: draft.id)
            let second = try await records.approve(by: admin, id: draft.id)
            #expect(try await records.publicVersion(id: draft.id)?.content.title == "第二版标题")
            #expect(second.indexNumber == first.indexNumber)
            #expect(try await records.versions(id: draft.id).map(\.version) == [1, 2])
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func indexNumbersAreNeverReused(backend: StoreBackend) async throws {
        try await WebFixture.with(backend) { fixture in
            let records = RecordRepository(fixture.database)
            let admin = fixture.users["agencyadmin"]!
            var numbers: [String] = []
            for n in 1...3 {
                let draft = try await records.createDraft(by: admin, itemNodeIDs: [try await fixture.item("执法结果")], content: RecordContent(title: "信息\(n)"))
                _ = try await records.submit(by: admin, id: draft.id)
                numbers.append(try await records.approve(by: admin, id: draft.id).indexNumber!)
                if n == 2 { _ = try await records.withdraw(by: admin, id: draft.id, reason: "测试") }
            }
            #expect(Set(numbers).count == 3)
            #expect(numbers.map { String($0.suffix(5)) } == ["00001", "00002", "00003"])
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func auditVerifyPassesAndNamesTheEntryAfterATamper(backend: StoreBackend) async throws {
        try await WebFixture.with(backend) { fixture in
            let records = RecordRepository(fixture.database)
            let admin = fixture.users["agencyadmin"]!
            let draft = try await records.createDraft(by: admin, itemNodeIDs: [try await fixture.item("执法结果")], content: RecordContent(title: "审计"))
            _ = try await records.submit(by: admin, id: draft.id)
            let audit = AuditLog(fixture.database)
            guard case .intact(let count) = try await audit.verify() else { Issue.record("chain broken before tampering"); return }
            #expect(count > 5)
            let target = try #require(try await audit.entries(limit: nil, ascending: true).first { $0.action == "record.created" })
            try await fixture.database.sql.raw("UPDATE audit_log SET actor = 'someone-else' WHERE id = \(bind: target.id)").run()
            #expect(try await audit.verify() == .broken(entryID: target.id, reason: "内容与哈希不符，记录被改动"))
        }
    }
}
