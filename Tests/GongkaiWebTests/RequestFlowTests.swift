import Foundation
import GongkaiCore
import GongkaiInterchange
import GongkaiStore
import GongkaiTestSupport
@testable import GongkaiWeb
import Hummingbird
import HummingbirdTesting
import Testing

/// 依申请公开 on the web: the public form (/apply), the status page (/apply/status) with its proof check and the
/// applicant's 补正, the staff pages under /admin/requests, their authorization, and the JSON API.
@Suite struct RequestFlowTests {
    /// The public forms' double-submit CSRF cookie and field.
    static let publicCookie = "gk_public_csrf=public-token"
    static let validID = "11010519491231002X"

    static func application(agency: Int, documentNumber: String = validID, contact: String = "13800000000") -> [String: String] {
        ["_csrf": "public-token", "agency": String(agency), "kind": "naturalPerson", "name": "张三", "documentType": "residentIDCard",
         "documentNumber": documentNumber, "contact": contact, "information": "2025年度医保基金收支情况", "formRequirement": "电子数据",
         "delivery": "电子邮件"]
    }

    static func code(in html: String) -> String? {
        guard let range = html.range(of: #"id="tracking-code">[0-9A-Z-]+<"#, options: .regularExpression) else { return nil }
        return String(html[range].dropFirst(#"id="tracking-code">"#.count).dropLast())
    }

    @Test func aBadIDNumberIsRejectedInChineseAndNothingTypedIsLost() async throws {
        try await WebFixture.with { fixture in
            let app = Application(router: fixture.router)
            try await app.test(.router) { client in
                let form = try await client.get("/apply", cookie: nil)
                #expect(form.status == .ok)
                #expect(form.text.contains("政府信息公开申请") && form.text.contains("法人或其他组织（科研机构）"))
                #expect(form.headers[values: .setCookie].contains { $0.hasPrefix("gk_public_csrf=") })
                // A visitor who already has the cookie keeps its token, so forms open in other tabs stay valid.
                #expect(try await client.get("/apply/status", cookie: Self.publicCookie).text.contains(#"name="_csrf" value="public-token""#))
                let rejected = try await client.post("/apply", form: Self.application(agency: fixture.yiyuan, documentNumber: "110105194912310021"),
                                                     cookie: Self.publicCookie)
                #expect(rejected.status == .badRequest)
                #expect(rejected.text.contains("校验不通过（GB 11643）"))
                #expect(rejected.text.contains(#"value="张三""#))
                #expect(rejected.text.contains(#"value="13800000000""#))
                #expect(rejected.text.contains("2025年度医保基金收支情况</textarea>"))
                #expect(rejected.text.contains(#"<option value="电子邮件" selected>"#))
                // Without the CSRF cookie the form is refused.
                #expect(try await client.post("/apply", form: Self.application(agency: fixture.yiyuan), cookie: nil).status == .forbidden)
            }
            #expect(try await RequestRepository(fixture.database).all(agencyID: nil).isEmpty)
        }
    }

    @Test func theSixthSubmissionWithinAnHourIs429AndKeepsTheTypedValues() async throws {
        try await WebFixture.with { fixture in
            let app = Application(router: fixture.router)
            try await app.test(.router) { client in
                for _ in 0..<RequestRepository.submissionsPerHour {
                    let filed = try await client.post("/apply", form: Self.application(agency: fixture.yiyuan), cookie: Self.publicCookie)
                    #expect(filed.status == .ok)
                }
                let limited = try await client.post("/apply", form: Self.application(agency: fixture.yiyuan), cookie: Self.publicCookie)
                #expect(limited.status == .tooManyRequests)
                #expect(limited.text.contains("每小时最多提交5件申请"))
                #expect(limited.text.contains("2025年度医保基金收支情况</textarea>"))
            }
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func filedCorrectedAndAnsweredThroughThePages(backend: StoreBackend) async throws {
        try await WebFixture.with(backend) { fixture in
            let app = Application(router: fixture.router)
            let admin = try await fixture.session("agencyadmin")
            let today = CivilDate(localDate: Date()).description
            try await app.test(.router) { client in
                let receipt = try await client.post("/apply", form: Self.application(agency: fixture.yiyuan), cookie: Self.publicCookie)
                #expect(receipt.status == .ok)
                let code = try #require(Self.code(in: receipt.text))
                let id = try #require(try await RequestRepository(fixture.database).all(agencyID: fixture.yiyuan).first?.id)

                // The status page needs code and contact; a wrong contact reveals nothing.
                let wrong = try await client.post("/apply/status", form: ["_csrf": "public-token", "code": code, "contact": "13900000000"],
                                                  cookie: Self.publicCookie)
                #expect(wrong.status == .notFound)
                #expect(!wrong.text.contains("2025年度医保基金收支情况"))
                let status = try await client.post("/apply/status", form: ["_csrf": "public-token", "code": code, "contact": "13800000000"],
                                                   cookie: Self.publicCookie)
                #expect(status.status == .ok)
                #expect(status.text.contains("未登记"))
                #expect(!status.text.contains(Self.validID))

                // Staff: the list masks the ID number; the page shows it and is audited.
                let list = try await client.get("/admin/requests", cookie: admin.cookie)
                #expect(list.text.contains(code) && list.text.contains("110105********002X") && !list.text.contains(Self.validID))
                let page = try await client.get("/admin/requests/\(id)", cookie: admin.cookie)
                #expect(page.status == .ok && page.text.contains(Self.validID))
                let actions = try await AuditLog(fixture.database).entries(limit: nil, filter: .init(objectType: "request")).map(\.action)
                #expect(actions.contains("request.viewed") && actions.contains("request.listed"))

                func step(_ fields: [String: String]) async throws -> TestResponse {
                    try await client.post("/admin/requests/\(id)/events", form: fields.merging(["_csrf": admin.csrf]) { $1 }, cookie: admin.cookie)
                }
                #expect(try await step(["type": "received", "on": today, "channel": "online"]).status == .seeOther)
                // The workflow's Chinese message comes back on the page.
                let refused = try await step(["type": "extended", "on": today, "workdays": "30", "approver": "李主任"])
                #expect(refused.status == .badRequest)
                #expect(refused.text.contains(#"id="step-error""#))
                #expect(try await step(["type": "clarificationRequested", "on": today, "items": "请写明文件名称或文号", "replyWorkdays": "15"]).status == .seeOther)

                let waiting = try await client.post("/apply/status", form: ["_csrf": "public-token", "code": code, "contact": "138 0000 0000"],
                                                    cookie: Self.publicCookie)
                #expect(waiting.text.contains("请写明文件名称或文号") && waiting.text.contains("提交补正"))
                let corrected = try await client.post("/apply/correct", form: [
                    "_csrf": "public-token", "code": code, "contact": "13800000000", "information": "医保发〔2025〕12号文件",
                ], cookie: Self.publicCookie)
                #expect(corrected.status == .ok)
                #expect(corrected.text.contains("已收到您的补正"))
                #expect(try await RequestRepository(fixture.database).request(id: id)?.request.requestedInformation == "医保发〔2025〕12号文件")

                #expect(try await step(["type": "answered", "on": today, "outcome": "disclosed",
                                        "answerText": "该文件已在本局网站“政策文件”栏目公开。\n\n现随本答复书提供电子版。"]).status == .seeOther)
                let answered = try await client.post("/apply/status", form: ["_csrf": "public-token", "code": code, "contact": "13800000000"],
                                                     cookie: Self.publicCookie)
                #expect(answered.text.contains(#"id="answer-outcome">予以公开<"#))
                #expect(answered.text.contains("该文件已在本局网站“政策文件”栏目公开。"))
                // The agency's own words go into the letter, paragraph by paragraph, before the legal basis.
                let stored = try #require(try await RequestRepository(fixture.database).request(id: id))
                let calendar = try await CalendarRepository(fixture.database).calendar(bundled: try HolidayData.bundledYears())
                let written = try #require(try await RequestLetters(directory: AgencyDirectory(fixture.database), calendar: calendar).letter(stored))
                #expect(Array(written.reasoning.prefix(2)) == ["该文件已在本局网站“政策文件”栏目公开。", "现随本答复书提供电子版。"])
                #expect(answered.text.contains("依申复〔"))
                #expect(answered.text.contains(#"id="download-docx""#))

                // The letter needs the same proof as the status page.
                let letter = { (format: String, contact: String) in
                    try await client.post("/apply/letter", form: ["_csrf": "public-token", "code": code, "contact": contact, "format": format],
                                          cookie: Self.publicCookie)
                }
                #expect(try await letter("docx", "13900000000").status == .notFound)
                let docx = try await letter("docx", "13800000000")
                #expect(docx.status == .ok)
                #expect(Array(docx.body.readableBytesView.prefix(2)) == Array("PK".utf8))
                let staffCopy = try await client.get("/admin/requests/\(id)/letter.docx", cookie: admin.cookie)
                #expect(Array(staffCopy.body.readableBytesView.prefix(2)) == Array("PK".utf8))
                if backend == .sqlite {
                    let pdf = try await letter("pdf", "13800000000")
                    #expect(pdf.status == .ok)
                    #expect(Array(pdf.body.readableBytesView.prefix(4)) == Array("%PDF".utf8))
                }
            }
        }
    }

    @Test func staffOfAnotherAgencyAndStrangersCannotSeeOrActOnARequest() async throws {
        try await WebFixture.with { fixture in
            let app = Application(router: fixture.router)
            let other = try await fixture.session("otheragency")
            let editor = try await fixture.session("editor")
            let token = try await fixture.accounts.createAPIToken(userID: fixture.users["otheragency"]!.id, name: "script")
            let own = try await fixture.accounts.createAPIToken(userID: fixture.users["reviewer"]!.id, name: "script")
            try await app.test(.router) { client in
                _ = try await client.post("/apply", form: Self.application(agency: fixture.yiyuan), cookie: Self.publicCookie)
                let id = try #require(try await RequestRepository(fixture.database).all(agencyID: nil).first?.id)
                #expect(try await client.get("/admin/requests/\(id)", cookie: other.cookie).status == .forbidden)
                #expect(try await client.post("/admin/requests/\(id)/events", form: ["_csrf": other.csrf, "type": "received", "on": "2026-09-21",
                                                                                     "channel": "online"], cookie: other.cookie).status == .forbidden)
                #expect(try await client.get("/admin/requests?agency=\(fixture.yiyuan)", cookie: other.cookie).status == .forbidden)
                #expect(!(try await client.get("/admin/requests", cookie: other.cookie).text.contains("110105")))
                #expect(try await client.get("/admin/requests/\(id)", cookie: nil).status == .seeOther)
                #expect(try await client.post("/admin/requests/\(id)/events", form: ["type": "received"], cookie: nil).status == .forbidden)
                // Staff of the agency (any role) handle its requests.
                #expect(try await client.get("/admin/requests/\(id)", cookie: editor.cookie).status == .ok)

                // API: the list has no applicant data; one request is audited; events are the core's JSON.
                let forbidden = try await client.execute(uri: "/api/v1/requests/\(id)", method: .get, headers: [.authorization: "Bearer \(token)"])
                #expect(forbidden.status == .forbidden)
                let listed = try await client.execute(uri: "/api/v1/requests", method: .get, headers: [.authorization: "Bearer \(own)"])
                #expect(listed.status == .ok && listed.text.contains(#""status":"new""#) && !listed.text.contains("张三"))
                let event = #"{"type":"received","date":"2026-09-21","channel":"inPerson"}"#
                let recorded = try await client.execute(uri: "/api/v1/requests/\(id)/events", method: .post,
                                                        headers: [.authorization: "Bearer \(own)", .contentType: "application/json"],
                                                        body: ByteBuffer(string: event))
                #expect(recorded.status == .ok && recorded.text.contains(#""received":"2026-09-21""#))
                let detail = try await client.execute(uri: "/api/v1/requests/\(id)?at=2026-09-22", method: .get,
                                                      headers: [.authorization: "Bearer \(own)"])
                let due = WorkingCalendar(try HolidayData.bundledYears()).adding(workdays: 20, to: CivilDate("2026-09-21")!)
                #expect(detail.status == .ok && detail.text.contains(Self.validID) && detail.text.contains(#""due":"\#(due)""#))
                let refused = try await client.execute(uri: "/api/v1/requests/\(id)/events", method: .post,
                                                       headers: [.authorization: "Bearer \(own)", .contentType: "application/json"],
                                                       body: ByteBuffer(string: #"{"type":"extended","date":"2026-09-22","workdays":30,"approver":"李"}"#))
                #expect(refused.status == .badRequest)
                let spec = try await client.get("/openapi.json", cookie: nil)
                let json = try JSONSerialization.jsonObject(with: Data(spec.text.utf8)) as! [String: Any]
                let paths = try #require(json["paths"] as? [String: Any])
                #expect(paths["/api/v1/requests"] != nil && paths["/api/v1/requests/{id}"] != nil && paths["/api/v1/requests/{id}/events"] != nil)
            }
            let views = try await AuditLog(fixture.database).entries(limit: nil, filter: .init(objectType: "request"))
                .filter { $0.action == "request.viewed" }
            #expect(views.contains { $0.after.hasPrefix("api") })
        }
    }

    @Test func overdueAndDueSoonRequestsAppearOnTheComplianceDashboard() async throws {
        try await WebFixture.with { fixture in
            let app = Application(router: fixture.router)
            let admin = try await fixture.session("agencyadmin")
            let requests = RequestRepository(fixture.database)
            let calendar = WorkingCalendar(try HolidayData.bundledYears())
            var codes: [String] = []
            for received in ["2026-09-21", "2026-10-19"] {
                try await fixture.database.sql.raw("DELETE FROM request_submissions").run()
                let filed = try await requests.submit(RequestSubmission(
                    agencyID: fixture.yiyuan, applicant: ApplicantIdentity(kind: .naturalPerson, name: "张三", documentType: .residentIDCard,
                                                                           documentNumber: Self.validID, contact: "13800000000"),
                    requestedInformation: "某文件", formRequirement: "", delivery: ""), address: "203.0.113.1")
                try await requests.record(.received(on: CivilDate(received)!, channel: .inPerson), id: filed.id, by: fixture.users["agencyadmin"]!,
                                          calendar: calendar)
                codes.append(filed.code)
            }
            let filedCodes = codes
            try await app.test(.router) { client in
                // On 2026-11-12 the first (due 2026-10-23 without pauses) is overdue, the second (due 11-16) due soon.
                let page = try await client.get("/admin/compliance?at=2026-11-12", cookie: admin.cookie)
                #expect(page.status == .ok)
                #expect(page.text.contains("依申请公开：逾期和即将到期的申请"))
                #expect(page.text.contains(filedCodes[0]) && page.text.contains(filedCodes[1]))
                #expect(page.text.contains("已逾期"))
                // On 2026-10-12 the first still has 9 workdays: not listed.
                let early = try await client.get("/admin/compliance?at=2026-10-12", cookie: admin.cookie)
                #expect(early.status == .ok && !early.text.contains(filedCodes[0]))
            }
        }
    }

    /// Attachments come as multipart/form-data, are checked by content and only staff of the agency can open them.
    @Test func attachmentsAreStoredPrivatelyAndShownToStaff() async throws {
        try await WebFixture.with { fixture in
            let app = Application(router: fixture.router)
            let admin = try await fixture.session("agencyadmin"), other = try await fixture.session("otheragency")
            let pdf = try Data(contentsOf: CrashSafetyTests.root.appendingPathComponent("Tests/Fixtures/attachment.pdf"))
            @Sendable func multipart(_ fields: [String: String], file: (String, Data)) -> ByteBuffer {
                var body = Data()
                for (key, value) in fields {
                    body += Data("--XBOUNDARY\r\nContent-Disposition: form-data; name=\"\(key)\"\r\n\r\n\(value)\r\n".utf8)
                }
                body += Data("--XBOUNDARY\r\nContent-Disposition: form-data; name=\"attachments\"; filename=\"\(file.0)\"\r\nContent-Type: application/octet-stream\r\n\r\n".utf8)
                body += file.1 + Data("\r\n--XBOUNDARY--\r\n".utf8)
                return ByteBuffer(bytes: body)
            }
            let headers: HTTPFields = [.contentType: "multipart/form-data; boundary=XBOUNDARY", .cookie: Self.publicCookie]
            try await app.test(.router) { client in
                let refused = try await client.execute(uri: "/apply", method: .post, headers: headers,
                                                       body: multipart(Self.application(agency: fixture.yiyuan), file: ("说明.txt", Data("plain text".utf8))))
                #expect(refused.status == .badRequest)
                #expect(refused.text.contains("格式不支持") && refused.text.contains("请重新选择附件"))
                #expect(refused.text.contains("2025年度医保基金收支情况</textarea>"))
                let filed = try await client.execute(uri: "/apply", method: .post, headers: headers,
                                                     body: multipart(Self.application(agency: fixture.yiyuan), file: ("身份证明.pdf", pdf)))
                #expect(filed.status == .ok && Self.code(in: filed.text) != nil)
                let id = try #require(try await RequestRepository(fixture.database).all(agencyID: nil).first?.id)
                let page = try await client.get("/admin/requests/\(id)", cookie: admin.cookie)
                #expect(page.text.contains("身份证明.pdf"))
                let sha = try #require(try await RequestRepository(fixture.database).attachments(requestID: id).first?.sha256)
                let file = try await client.get("/admin/requests/\(id)/attachments/\(sha)", cookie: admin.cookie)
                #expect(file.status == .ok && Data(file.body.readableBytesView) == pdf)
                #expect(try await client.get("/admin/requests/\(id)/attachments/\(sha)", cookie: other.cookie).status == .forbidden)
                // Never public, even by its hash.
                #expect(try await client.get("/files/\(sha)", cookie: nil).status == .notFound)
            }
            let actions = try await AuditLog(fixture.database).entries(limit: nil, filter: .init(objectType: "request")).map(\.after)
            #expect(actions.contains { $0.hasPrefix("附件：") })
        }
    }
}
