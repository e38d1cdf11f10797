import Foundation
import GongkaiCore
import GongkaiInterchange
@testable import GongkaiStore
import GongkaiTestSupport
import Testing

/// Disclosure requests through the repository, with exact dates on the 2026 calendar (the Core scenarios, stored).
@Suite struct RequestRepositoryTests {
    static let calendar = WorkingCalendar(try! HolidayData.bundledYears())
    static func d(_ text: String) -> CivilDate { CivilDate(text)! }

    static func submission(agencyID: Int, contact: String = "13800000000") -> RequestSubmission {
        RequestSubmission(agencyID: agencyID,
                          applicant: ApplicantIdentity(kind: .naturalPerson, name: "张三", documentType: .residentIDCard,
                                                       documentNumber: "11010519491231002X", contact: contact),
                          requestedInformation: "2025年度城乡居民医保基金收支情况", formRequirement: "纸质", delivery: "邮寄")
    }

    @Test(arguments: StoreBackend.allCases)
    func thirdPartyConsultationAcrossNationalDay(backend: StoreBackend) async throws {
        try await TestDatabase.with(backend) { database in
            let fixture = try await RecordFixture.make(database)
            let requests = RequestRepository(database)
            let admin = fixture.guannanAdmin
            let filed = try await requests.submit(Self.submission(agencyID: fixture.guannan), address: "192.0.2.1")
            #expect(filed.code.hasPrefix("\(CivilDate(localDate: Date()).year)-") && filed.code.count == 17)
            #expect(filed.request.events.isEmpty)
            #expect(try await requests.request(code: filed.code.lowercased(), contact: "138-0000 0000")?.id == filed.id)
            #expect(try await requests.request(code: filed.code, contact: "13900000000") == nil)

            try await requests.record(.received(on: Self.d("2026-09-21"), channel: .inPerson), id: filed.id, by: admin, calendar: Self.calendar)
            try await requests.record(.consultationStarted(on: Self.d("2026-09-24"), party: .thirdParty), id: filed.id, by: admin,
                                      calendar: Self.calendar)
            let ended = try await requests.record(.consultationEnded(on: Self.d("2026-10-16")), id: filed.id, by: admin, calendar: Self.calendar)
            let clock = ended.request.clock(calendar: Self.calendar, today: Self.d("2026-10-19"))
            #expect(clock.dueDate == Self.d("2026-11-10"))
            #expect(clock.segments.map(\.kind) == [.counted, .paused, .counted])
            let row = try await requests.all(agencyID: fixture.guannan).first!
            #expect(row.id == filed.id)
            let cached = try await database.sql.select().columns("phase", "received", "due").from("disclosure_requests")
                .where("id", .equal, filed.id).first()!
            #expect(try cached.decode(column: "phase", as: String.self) == "registered")
            #expect(try cached.decode(column: "received", as: String?.self) == "2026-09-21")
            #expect(try cached.decode(column: "due", as: String?.self) == "2026-11-10")

            // Another agency's staff may neither act nor look.
            await #expect(throws: RequestFailure.forbidden("只能办理本机关的申请。")) {
                try await requests.record(.archived(on: Self.d("2026-10-20")), id: filed.id, by: fixture.yiyuanAdmin, calendar: Self.calendar)
            }
            await #expect(throws: RequestFailure.self) { try await requests.view(id: filed.id, by: fixture.yiyuanAdmin) }

            let answered = try await requests.record(.answered(on: Self.d("2026-11-10"), outcome: .disclosed), id: filed.id, by: admin,
                                                     calendar: Self.calendar)
            #expect(answered.letterNumber == "灌南医保依申复〔2026〕1号")
            #expect(answered.request.clock(calendar: Self.calendar, today: Self.d("2026-11-20")).status == .answered)
            _ = try await requests.view(id: filed.id, by: admin)
            let actions = try await AuditLog(database).entries(limit: nil, ascending: true, filter: .init(objectType: "request")).map(\.action)
            #expect(actions == ["request.submitted", "request.received", "request.consultationStarted", "request.consultationEnded",
                                "request.answered", "request.viewed"])
            #expect(try await AuditLog(database).verify() == .intact(entries: try await AuditLog(database).entries(limit: nil).count))
            // The audit trail never holds the full ID number.
            let audit = try await AuditLog(database).entries(limit: nil).map { $0.before + $0.after }.joined()
            #expect(!audit.contains("11010519491231002X"))
        }
    }

    /// 补正 restart (第三十条): received 03-23, notice 03-26, corrected by the applicant on 04-09 → due 05-11.
    @Test(arguments: StoreBackend.allCases)
    func applicantCorrectionRestartsTheClock(backend: StoreBackend) async throws {
        try await TestDatabase.with(backend) { database in
            let fixture = try await RecordFixture.make(database)
            let requests = RequestRepository(database)
            let admin = fixture.guannanAdmin
            let filed = try await requests.submit(Self.submission(agencyID: fixture.guannan), address: "192.0.2.2")
            try await requests.record(.received(on: Self.d("2026-03-23"), channel: .online), id: filed.id, by: admin, calendar: Self.calendar)
            let departmentID = try await AgencyDirectory(database).createDepartment(agencyID: fixture.guannan, name: "待遇保障科", actor: "test")
            let assigned = try await requests.record(.assigned(on: Self.d("2026-03-23"), department: "待遇保障科"), id: filed.id, by: admin,
                                                     calendar: Self.calendar, departmentID: departmentID)
            #expect(assigned.departmentID == departmentID)
            // Too early for a correction: the workflow says why, in Chinese.
            await #expect(throws: RequestFailure.self) {
                try await requests.correct(code: filed.code, contact: "13800000000", requestedInformation: "x", today: Self.d("2026-03-24"),
                                           calendar: Self.calendar)
            }
            try await requests.record(.clarificationRequested(on: Self.d("2026-03-26"), items: ["请写明所需文件的文号或成文时间"]),
                                      id: filed.id, by: admin, calendar: Self.calendar)
            let waiting = try await requests.request(id: filed.id)!
            #expect(waiting.request.clock(calendar: Self.calendar, today: Self.d("2026-04-01")).clarificationDeadline == Self.d("2026-04-17"))
            await #expect(throws: RequestFailure.notFound) {
                try await requests.correct(code: filed.code, contact: "wrong", requestedInformation: "x", today: Self.d("2026-04-09"),
                                           calendar: Self.calendar)
            }
            let corrected = try await requests.correct(code: filed.code, contact: "13800000000",
                                                       requestedInformation: "医保发〔2025〕12号文件", today: Self.d("2026-04-09"),
                                                       calendar: Self.calendar)
            #expect(corrected.request.requestedInformation == "医保发〔2025〕12号文件")
            let clock = corrected.request.clock(calendar: Self.calendar, today: Self.d("2026-04-10"))
            #expect(clock.clockStart == Self.d("2026-04-09"))
            #expect(clock.dueDate == Self.d("2026-05-11"))
            #expect(clock.segments.map(\.kind) == [.superseded, .stopped, .counted])
            let entry = try await AuditLog(database).entries(limit: 1).first!
            #expect(entry.action == "request.clarificationReceived" && entry.before == "2025年度城乡居民医保基金收支情况")
            // A second event the workflow refuses leaves the stored log unchanged.
            await #expect(throws: RequestFailure.self) {
                try await requests.record(.extended(on: Self.d("2026-04-10"), workdays: 25, approver: "李主任"), id: filed.id, by: admin,
                                          calendar: Self.calendar)
            }
            #expect(try await requests.request(id: filed.id)!.request.events.count == 4)
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func submissionsAreRateLimitedPerAddressAndValidated(backend: StoreBackend) async throws {
        try await TestDatabase.with(backend) { database in
            let fixture = try await RecordFixture.make(database)
            let requests = RequestRepository(database)
            let now = Date()
            for _ in 0..<3 { _ = try await requests.submit(Self.submission(agencyID: fixture.guannan), address: "198.51.100.7", now: now, limit: 3) }
            await #expect(throws: RequestFailure.rateLimited(3)) {
                try await requests.submit(Self.submission(agencyID: fixture.guannan), address: "198.51.100.7", now: now, limit: 3)
            }
            _ = try await requests.submit(Self.submission(agencyID: fixture.guannan), address: "198.51.100.8", now: now, limit: 3)
            _ = try await requests.submit(Self.submission(agencyID: fixture.guannan), address: "198.51.100.7",
                                          now: now.addingTimeInterval(3700), limit: 3)
            var bad = Self.submission(agencyID: fixture.guannan)
            bad.applicant.documentNumber = "110105194912310021"
            await #expect(throws: RequestFailure.invalid(["居民身份证号码“110105********0021”校验不通过（GB 11643），请核对"])) {
                try await requests.submit(bad, address: "198.51.100.9")
            }
            #expect(try await requests.all(agencyID: nil).count == 5)
            #expect(Set(try await requests.all(agencyID: nil).map(\.code)).count == 5)
            #expect(RequestRepository.letterPrefix(agencyName: "淄博市医疗保障局沂源分局") == "沂源医保")
            #expect(RequestRepository.letterPrefix(agencyName: "灌南县医疗保障局") == "灌南医保")
        }
    }

    /// Extension (received 06-08 → due 07-07; extended on 07-03 by 20 → 08-04, approver in the log and the audit) and a
    /// 补正 never answered (received 06-01, notice 06-03, 15 workdays → 06-25; abandonment refused on 06-25, recorded 06-26).
    @Test(arguments: StoreBackend.allCases)
    func extensionAndAbandonmentThroughTheRepository(backend: StoreBackend) async throws {
        try await TestDatabase.with(backend) { database in
            let fixture = try await RecordFixture.make(database)
            let requests = RequestRepository(database)
            let admin = fixture.yiyuanAdmin
            let extended = try await requests.submit(Self.submission(agencyID: fixture.yiyuan), address: "192.0.2.3")
            try await requests.record(.received(on: Self.d("2026-06-08"), channel: .registeredPost), id: extended.id, by: admin, calendar: Self.calendar)
            await #expect(throws: RequestFailure.invalid(["请填写批准延期的负责人（条例第三十三条第二款）"])) {
                try await requests.record(.extended(on: Self.d("2026-07-03"), workdays: 20, approver: " "), id: extended.id, by: admin,
                                          calendar: Self.calendar)
            }
            let granted = try await requests.record(.extended(on: Self.d("2026-07-03"), workdays: 20, approver: "李明（政务公开办负责人）"),
                                                    id: extended.id, by: admin, calendar: Self.calendar)
            #expect(granted.request.clock(calendar: Self.calendar, today: Self.d("2026-07-08")).dueDate == Self.d("2026-08-04"))
            #expect(try await requests.all(agencyID: fixture.yiyuan, phase: .registered).map(\.id) == [extended.id])
            #expect(try await AuditLog(database).entries(limit: 1).first?.after.contains("李明（政务公开办负责人）") == true)

            let lapsed = try await requests.submit(Self.submission(agencyID: fixture.yiyuan, contact: "lisi@example.cn"), address: "192.0.2.3")
            try await requests.record(.received(on: Self.d("2026-06-01"), channel: .online), id: lapsed.id, by: admin, calendar: Self.calendar)
            try await requests.record(.clarificationRequested(on: Self.d("2026-06-03"), items: ["申请内容不明确，请说明所需信息的名称"]),
                                      id: lapsed.id, by: admin, calendar: Self.calendar)
            #expect(try await requests.all(agencyID: fixture.yiyuan, phase: .awaitingClarification).map(\.id) == [lapsed.id])
            await #expect(throws: RequestFailure.self) {
                try await requests.record(.clarificationExpired(on: Self.d("2026-06-25")), id: lapsed.id, by: admin, calendar: Self.calendar)
            }
            let closed = try await requests.record(.clarificationExpired(on: Self.d("2026-06-26")), id: lapsed.id, by: admin, calendar: Self.calendar)
            #expect(try closed.request.state(calendar: Self.calendar).outcome == .otherHandling(.clarificationOverdue))
            #expect(closed.request.clock(calendar: Self.calendar, today: Self.d("2026-07-01")).status == .abandoned)
            let row = try await database.sql.select().columns("phase", "due").from("disclosure_requests").where("id", .equal, lapsed.id).first()!
            #expect(try row.decode(column: "phase", as: String.self) == "closed")
            #expect(try row.decode(column: "due", as: String?.self) == nil)
            // The applicant can no longer correct a closed request.
            await #expect(throws: RequestFailure.workflow("该申请目前不需要补正。")) {
                try await requests.correct(code: lapsed.code, contact: "LiSi@example.cn", requestedInformation: "x", today: Self.d("2026-06-29"),
                                           calendar: Self.calendar)
            }
        }
    }

    /// Importing a calendar year rewrites the cached due dates (the clock itself is always recomputed).
    @Test(arguments: StoreBackend.allCases)
    func refreshingTheCacheFollowsTheCalendar(backend: StoreBackend) async throws {
        try await TestDatabase.with(backend) { database in
            let fixture = try await RecordFixture.make(database)
            let requests = RequestRepository(database)
            let filed = try await requests.submit(Self.submission(agencyID: fixture.yiyuan), address: "192.0.2.4")
            try await requests.record(.received(on: Self.d("2026-09-21"), channel: .inPerson), id: filed.id, by: fixture.yiyuanAdmin,
                                      calendar: Self.calendar)
            let weekendsOnly = WorkingCalendar([])
            #expect(try await requests.refreshCache(calendar: weekendsOnly) == 1)
            let due = try await database.sql.select().column("due").from("disclosure_requests").where("id", .equal, filed.id)
                .first(decodingColumn: "due", as: String?.self) ?? nil
            #expect(due == weekendsOnly.adding(workdays: 20, to: Self.d("2026-09-21")).description)
            #expect(try await requests.refreshCache(calendar: weekendsOnly) == 0)
        }
    }
}
