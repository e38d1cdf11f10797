import Foundation
import GongkaiCore
import GongkaiStore
import GongkaiTestSupport
import Hummingbird
import HummingbirdTesting
import Testing

@Suite struct RecordFeatureTests {
    static let pdf = Data("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".utf8)

    static func multipart(_ fields: [String: String], file: (name: String, data: Data)) -> (String, ByteBuffer) {
        let boundary = "----gongkai\(UUID().uuidString)"
        var body = Data()
        for (key, value) in fields {
            body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(key)\"\r\n\r\n\(value)\r\n".utf8)
        }
        body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(file.name)\"\r\nContent-Type: application/octet-stream\r\n\r\n".utf8)
        body += file.data + Data("\r\n--\(boundary)--\r\n".utf8)
        return ("multipart/form-data; boundary=\(boundary)", ByteBuffer(bytes: body))
    }

    @Test(arguments: StoreBackend.allCases)
    func attachmentsAreSniffedStoredAndPublishedWithTheRecord(backend: StoreBackend) async throws {
        try await WebFixture.with(backend) { fixture in
            let app = Application(router: fixture.router)
            let records = RecordRepository(fixture.database)
            let admin = fixture.users["agencyadmin"]!
            let draft = try await records.createDraft(by: admin, itemNodeIDs: [try await fixture.item("执法结果")], content: RecordContent(title: "有附件"))
            let session = try await fixture.session("agencyadmin")
            try await app.test(.router) { client in
                func upload(_ name: String, _ data: Data) async throws -> TestResponse {
                    let (type, body) = Self.multipart(["_csrf": session.csrf], file: (name, data))
                    return try await client.execute(uri: "/admin/records/\(draft.id)/attachments", method: .post,
                                                    headers: [.contentType: type, .cookie: session.cookie], body: body)
                }
                // An HTML file renamed to .pdf is refused: the type comes from the content.
                let fake = try await upload("决定书.pdf", Data("<html><script>alert(1)</script></html>".utf8))
                #expect(fake.status == .badRequest)
                #expect(fake.text.contains("按文件内容判断"))
                #expect(try await upload("决定书.pdf", Self.pdf).status == .seeOther)
                // Without the CSRF field the upload is refused.
                let (type, body) = Self.multipart([:], file: ("x.pdf", Self.pdf))
                #expect(try await client.execute(uri: "/admin/records/\(draft.id)/attachments", method: .post,
                                                 headers: [.contentType: type, .cookie: session.cookie], body: body).status == .forbidden)
                let stored = try await AttachmentStore(fixture.database).attachments(recordID: draft.id)
                #expect(stored.map(\.name) == ["决定书.pdf"])
                #expect(stored.first?.mediaType == "application/pdf")
                let sha = stored[0].sha256
                #expect(try await client.get("/files/\(sha)", cookie: nil).status == .notFound)
                _ = try await records.submit(by: admin, id: draft.id)
                _ = try await records.approve(by: admin, id: draft.id)
                let download = try await client.get("/files/\(sha)", cookie: nil)
                #expect(download.status == .ok)
                #expect(download.headers[.contentType] == "application/pdf")
                #expect(Data(buffer: download.body) == Self.pdf)
                #expect(try await client.get("/records/\(draft.id)", cookie: nil).text.contains("决定书.pdf"))
            }
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func attachmentTextIsSearchableOncePublished(backend: StoreBackend) async throws {
        try await WebFixture.with(backend) { fixture in
            let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")
            let app = Application(router: fixture.router)
            let records = RecordRepository(fixture.database)
            let admin = fixture.users["agencyadmin"]!
            let draft = try await records.createDraft(by: admin, itemNodeIDs: [try await fixture.item("执法结果")], content: RecordContent(title: "附件检索"))
            let session = try await fixture.session("agencyadmin")
            let search = fixture.database.recordSearch()
            try await app.test(.router) { client in
                for name in ["attachment.pdf", "catalog-merged.docx"] {
                    let (type, body) = Self.multipart(["_csrf": session.csrf], file: (name, try Data(contentsOf: fixtures.appendingPathComponent(name))))
                    #expect(try await client.execute(uri: "/admin/records/\(draft.id)/attachments", method: .post,
                                                     headers: [.contentType: type, .cookie: session.cookie], body: body).status == .seeOther)
                }
            }
            #expect(try await search.search(SearchQuery(text: "异地就医")).total == 0) // not public yet
            _ = try await records.submit(by: admin, id: draft.id)
            _ = try await records.approve(by: admin, id: draft.id)
            for query in ["异地就医", "备案", "部门文件", "法规监察科"] { // the PDF's text and the Word table's cells
                let results = try await search.search(SearchQuery(text: query))
                #expect(results.hits.map(\.id) == [draft.id], "\(query)")
                #expect(results.hits.first?.excerpt.source == .attachments, "\(query)")
            }
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func scheduledPublicationStaysHiddenUntilItsDate(backend: StoreBackend) async throws {
        try await WebFixture.with(backend) { fixture in
            let records = RecordRepository(fixture.database)
            let admin = fixture.users["agencyadmin"]!
            let draft = try await records.createDraft(by: admin, itemNodeIDs: [try await fixture.item("执法结果")], content: RecordContent(title: "定时发布"))
            _ = try await records.submit(by: admin, id: draft.id)
            let later = Date().addingTimeInterval(3 * 86_400)
            let scheduled = try await records.approve(by: admin, id: draft.id, publishAt: later)
            #expect(scheduled.status == .published)
            #expect(try await records.publicVersion(id: draft.id) == nil)
            #expect(try await records.publicVersion(id: draft.id, now: later.addingTimeInterval(1)) != nil)
            let entries = try await AuditLog(fixture.database).entries(limit: nil, filter: .init(objectType: "record", objectID: String(draft.id)))
            #expect(entries.map(\.action).contains("record.scheduled"))
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func policyAndInterpretationLinkBothWaysAndCrossListing(backend: StoreBackend) async throws {
        try await WebFixture.with(backend) { fixture in
            let records = RecordRepository(fixture.database)
            let admin = fixture.users["agencyadmin"]!
            let policyItem = try await fixture.item("县政府部门文件"), readingItem = try await fixture.item("政策解读")
            let policy = try await records.createDraft(by: admin, itemNodeIDs: [policyItem, try await fixture.item("政策库")], content: RecordContent(title: "医疗救助实施办法"))
            let reading = try await records.createDraft(by: admin, itemNodeIDs: [readingItem], content: RecordContent(title: "《医疗救助实施办法》政策解读"))
            for record in [policy, reading] {
                _ = try await records.submit(by: admin, id: record.id)
                _ = try await records.approve(by: admin, id: record.id)
            }
            try await records.link(policy: policy.id, interpretation: reading.id, by: admin)
            #expect(try await records.records(itemNodeID: try await fixture.item("政策库")).map(\.id) == [policy.id])
            let app = Application(router: fixture.router)
            try await app.test(.router) { client in
                let policyPage = try await client.get("/records/\(policy.id)", cookie: nil).text
                #expect(policyPage.contains("政策解读：<a href=\"/records/\(reading.id)\">《医疗救助实施办法》政策解读</a>"))
                let readingPage = try await client.get("/records/\(reading.id)", cookie: nil).text
                #expect(readingPage.contains("相关政策：<a href=\"/records/\(policy.id)\">医疗救助实施办法</a>"))
            }
        }
    }
}
