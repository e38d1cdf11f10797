import Foundation
import GongkaiCore
import GongkaiStore
import GongkaiTestSupport
import GongkaiWeb
import Hummingbird
import HummingbirdTesting
import Testing

/// Upload limits at their edges, content sniffing, and downloads that cannot be steered outside the attachment store.
@Suite struct FileSecurityTests {
    static let pngSignature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// A PNG signature padded to `size` bytes (sniffed as PNG; no text extraction to wait for).
    static func png(size: Int) -> Data { Data(pngSignature + [UInt8](repeating: 0, count: size - pngSignature.count)) }

    @Test func uploadLimitsHoldAtTheirEdges() async throws {
        try await WebFixture.with { fixture in
            let app = Application(router: fixture.router)
            let records = RecordRepository(fixture.database)
            let draft = try await records.createDraft(by: fixture.users["agencyadmin"]!, itemNodeIDs: [try await fixture.item("执法结果")],
                                                      content: RecordContent(title: "附件上限"))
            let session = try await fixture.session("agencyadmin")
            try await app.test(.router) { client in
                func upload(_ name: String, _ data: Data) async throws -> TestResponse {
                    let (type, body) = RecordFeatureTests.multipart(["_csrf": session.csrf], file: (name, data))
                    return try await client.execute(uri: "/admin/records/\(draft.id)/attachments", method: .post,
                                                    headers: [.contentType: type, .cookie: session.cookie], body: body)
                }
                // Exactly the limit is accepted; one byte more is refused with the limit named; an empty file too.
                #expect(try await upload("最大.png", Self.png(size: AttachmentType.maxSize)).status == .seeOther)
                let over = try await upload("超限.png", Self.png(size: AttachmentType.maxSize + 1))
                #expect(over.status == .badRequest && over.text.contains("附件不能超过20MB"))
                let empty = try await upload("空.pdf", Data())
                #expect(empty.status == .badRequest)
                // A body beyond what the server reads at all: 413, in Chinese.
                let (type, body) = RecordFeatureTests.multipart(["_csrf": session.csrf], file: ("巨大.png", Self.png(size: AttachmentType.maxSize + 2 * 1024 * 1024)))
                let huge = try await client.execute(uri: "/admin/records/\(draft.id)/attachments", method: .post,
                                                    headers: [.contentType: type, .cookie: session.cookie], body: body)
                #expect(huge.status == .contentTooLarge && huge.text.contains("上传的内容过大"))
                // The type comes from the bytes: a PNG named .pdf is stored and served as a PNG, as a download.
                #expect(try await upload("伪装.pdf", Data(Self.pngSignature + Array("IHDR".utf8))).status == .seeOther)
                let stored = try await AttachmentStore(fixture.database).attachments(recordID: draft.id)
                #expect(stored.map(\.size) == [AttachmentType.maxSize, 12])
                #expect(stored.last?.mediaType == "image/png")
                let download = try await client.get("/admin/records/\(draft.id)/files/\(stored.last!.sha256)", cookie: session.cookie)
                #expect(download.status == .ok && download.headers[.contentType] == "image/png")
                #expect(download.headers[.contentDisposition]?.hasPrefix("attachment;") == true)
                #expect(download.headers[.init("X-Content-Type-Options")!] == "nosniff")
            }
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func downloadPathsCannotLeaveTheAttachmentStore(backend: StoreBackend) async throws {
        try await WebFixture.with(backend) { fixture in
            let app = Application(router: fixture.router)
            let records = RecordRepository(fixture.database)
            let admin = fixture.users["agencyadmin"]!
            let record = try await records.createDraft(by: admin, itemNodeIDs: [try await fixture.item("执法结果")], content: RecordContent(title: "路径"))
            let attachment = try await AttachmentStore(fixture.database).attach(RecordFeatureTests.pdf, name: "公开.pdf", to: record.id, by: admin)
            _ = try await records.submit(by: admin, id: record.id)
            _ = try await records.approve(by: admin, id: record.id)
            let application = try await RequestRepository(fixture.database).submit(RequestSubmission(
                agencyID: fixture.yiyuan, applicant: ApplicantIdentity(kind: .naturalPerson, name: "路径", documentType: .passport,
                                                                       documentNumber: "E12345678", contact: "13800000000"),
                requestedInformation: "路径", formRequirement: "", delivery: "", attachments: [RequestFile(name: "证明.png", data: Self.png(size: 64))]),
                address: "192.0.2.9")
            let requestFile = try #require(try await RequestRepository(fixture.database).attachments(requestID: application.id).first).sha256
            let session = try await fixture.session("agencyadmin")
            let sha = attachment.sha256
            try await app.test(.router) { client in
                // The proper paths work, so the refusals below are about the path, not the setup.
                #expect(try await client.get("/files/\(sha)", cookie: nil).status == .ok)
                #expect(try await client.get("/admin/records/\(record.id)/files/\(sha)", cookie: session.cookie).status == .ok)
                #expect(try await client.get("/admin/requests/\(application.id)/attachments/\(requestFile)", cookie: session.cookie).status == .ok)
                #expect(try await client.get("/static/site.css", cookie: nil).status == .ok)

                let database = URL(fileURLWithPath: fixture.database.path).lastPathComponent
                let escapes = [
                    "..%2F..%2F..%2F..%2Fetc%2Fpasswd", "%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd", "%2E%2E/%2E%2E/etc/passwd",
                    "../../../../etc/passwd", "..%5C..%5C..%5Cetc%5Cpasswd", "%2Fetc%2Fpasswd", "/etc/passwd", "%252e%252e%252fetc%252fpasswd",
                    "\(sha)%00", "\(sha)%00.pdf", "%00", "..", "%2e%2e", "..%2F\(database)", "..%2F..%2F\(database)",
                    "\(sha.prefix(2))%2F\(sha)", "..%2F\(sha.prefix(2))%2F\(sha)", String(repeating: "%2e", count: 64), String(sha.uppercased()),
                ]
                let prefixes = ["/files/", "/admin/records/\(record.id)/files/", "/admin/requests/\(application.id)/attachments/", "/static/"]
                for prefix in prefixes {
                    for escape in escapes {
                        let response = try await client.get(prefix + escape, cookie: session.cookie)
                        #expect([400, 404].contains(response.status.code), "\(prefix)\(escape): \(response.status.code)")
                        #expect(!response.text.contains("root:x:0:0") && !response.text.contains("SQLite format"), "\(prefix)\(escape)")
                    }
                }
                for path in ["/admin/requests/\(application.id)/letter.docx%00", "/admin/requests/..%2F\(application.id)/letter.docx",
                             "/static/..%2FTemplates%2Flayout.mustache", "/static/site.css%00.js", "/static/.%2Fsite.css"] {
                    let response = try await client.get(path, cookie: session.cookie)
                    #expect([400, 404].contains(response.status.code), "\(path): \(response.status.code)")
                }
            }
        }
    }
}
