import Foundation
import GongkaiCore
import GongkaiInterchange
@testable import GongkaiStore
import GongkaiTestSupport
import Testing

/// The annual report stored: figures and texts saved as versions, checks gating submission, approval publishing
/// exactly the submitted version, revision keeping the published one, the audit trail, and the 1月31日 deadline.
@Suite struct AnnualReportWorkflowTests {
    static let calendar = WorkingCalendar(try! HolidayData.bundledYears())
    static func d(_ text: String) -> CivilDate { CivilDate(text)! }
    static func instant(_ text: String) -> Date { ISO8601DateFormatter().date(from: text + "T02:00:00Z")! }

    /// 沂源's 规范性文件 column: one document of 2025, two of 2026, one of which is repealed on 2026-10-09;
    /// two requests of 2026, one answered, one still open.
    static func prepare(_ fixture: RecordFixture) async throws {
        let item = try await fixture.item("县级政府部门规范性文件", agencyID: fixture.yiyuan)
        func document(_ title: String, written: String) -> RecordContent {
            RecordContent(title: title, documentNumber: "沂医保发〔\(written.prefix(4))〕\(title.count)号", issuer: "淄博市医疗保障局沂源分局",
                          writtenDate: d(written), validity: .valid, body: "全文")
        }
        try await fixture.publish(document("关于规范门诊慢特病管理的通知", written: "2025-06-01"), item: item, agencyID: fixture.yiyuan,
                                  publishAt: instant("2025-06-03"), now: instant("2025-06-03"))
        try await fixture.publish(document("关于调整居民医保缴费标准的通知", written: "2026-03-02"), item: item, agencyID: fixture.yiyuan,
                                  publishAt: instant("2026-03-04"), now: instant("2026-03-04"))
        let repealed = try await fixture.publish(document("关于印发定点药店管理办法的通知", written: "2026-04-10"), item: item,
                                                 agencyID: fixture.yiyuan, publishAt: instant("2026-04-13"), now: instant("2026-04-13"))
        let admin = fixture.yiyuanAdmin
        _ = try await fixture.records.revise(by: admin, id: repealed.id)
        var content = repealed.content
        content.validity = .repealed
        content.validityChangedOn = d("2026-10-09")
        _ = try await fixture.records.update(by: admin, id: repealed.id, content: content)
        _ = try await fixture.records.submit(by: admin, id: repealed.id)
        _ = try await fixture.records.approve(by: admin, id: repealed.id)

        let requests = RequestRepository(fixture.database)
        for (index, answered) in [true, false].enumerated() {
            let filed = try await requests.submit(RequestRepositoryTests.submission(agencyID: fixture.yiyuan, contact: "1380000000\(index)"),
                                                  address: "192.0.2.\(index)")
            try await requests.record(.received(on: d("2026-0\(5 + index)-11"), channel: .online), id: filed.id, by: admin, calendar: calendar)
            if answered {
                try await requests.record(.answered(on: d("2026-05-20"), outcome: .disclosed), id: filed.id, by: admin, calendar: calendar)
            }
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func draftSubmitApproveAndRevise(backend: StoreBackend) async throws {
        try await TestDatabase.with(backend) { database in
            let fixture = try await RecordFixture.make(database)
            try await Self.prepare(fixture)
            let reports = AnnualReports(database: database, calendar: Self.calendar)
            let admin = fixture.yiyuanAdmin, agency = fixture.yiyuan, today = Self.d("2027-01-15")

            let first = try await reports.live(agencyID: agency, year: 2026, today: today)
            #expect(first.stored.version == 0 && first.stored.status == .draft)
            #expect(first.report.value("二.normativeDocument.issued") == 2)
            #expect(first.report.value("二.normativeDocument.repealed") == 1)
            #expect(first.report.value("二.normativeDocument.inForce") == 2)
            #expect(first.report.value("三.newlyReceived.naturalPerson") == 2)
            #expect(first.report.value("三.disclosed.total") == 1)
            #expect(first.report.value("三.carriedForward.total") == 1)
            #expect(first.report.compliance.requestsAnsweredOnTime == 1)
            // 收费金额 is not in any record: until it is entered the report cannot go to review.
            #expect(first.report.failingCells == ["二.fee.amount"])
            await #expect(throws: AnnualReportError.checksFailed(first.report.failedChecks)) {
                try await reports.submit(by: admin, agencyID: agency, year: 2026, today: today)
            }
            await #expect(throws: AnnualReportError.badFigure(cellID: "二.fee.amount", text: "-1")) {
                try await reports.save(by: admin, agencyID: agency, year: 2026, figures: ["二.fee.amount": "-1"], sections: [:],
                                       expectedVersion: 0, today: today)
            }
            await #expect(throws: AnnualReportError.unknownCell("三.newlyReceived.total")) {
                try await reports.save(by: admin, agencyID: agency, year: 2026, figures: ["三.newlyReceived.total": "5"], sections: [:],
                                       expectedVersion: 0, today: today)
            }
            await #expect(throws: AnnualReportError.notAllowed) {
                try await reports.save(by: fixture.guannanAdmin, agencyID: agency, year: 2026, figures: [:], sections: [:],
                                       expectedVersion: 0, today: today)
            }
            await #expect(throws: AnnualReportError.yearOutOfRange(2028)) { try await reports.live(agencyID: agency, year: 2028, today: today) }

            let overview = "2026年，本局认真贯彻落实《中华人民共和国政府信息公开条例》。"
            let saved = try await reports.save(by: admin, agencyID: agency, year: 2026, figures: ["二.fee.amount": "0.35"],
                                               sections: [1: overview], expectedVersion: 0, note: "填报收费金额", today: today)
            #expect(saved.stored.version == 1)
            #expect(saved.report.tables.cell("二.fee.amount")?.value == Decimal(string: "0.35"))
            #expect(saved.report.tables.cell("二.fee.amount")?.enteredBy == "yiyuan")
            #expect(saved.report.sections[0].text == overview && saved.report.sections[0].version == 2 && saved.report.sections[0].isEdited)
            #expect(saved.report.canPublish)
            // A save based on an old version is refused instead of overwriting.
            await #expect(throws: AnnualReportError.staleVersion(expected: 0, actual: 1)) {
                try await reports.save(by: admin, agencyID: agency, year: 2026, figures: [:], sections: [1: "旧稿"], expectedVersion: 0, today: today)
            }

            let submitted = try await reports.submit(by: admin, agencyID: agency, year: 2026, today: today)
            #expect(submitted.stored.status == .submitted && submitted.stored.version == 2)
            await #expect(throws: AnnualReportError.self) {
                try await reports.save(by: admin, agencyID: agency, year: 2026, figures: [:], sections: [2: "改"], expectedVersion: 2, today: today)
            }
            await #expect(throws: AnnualReportError.notAllowed) {
                try await reports.approve(by: fixture.guannanAdmin, agencyID: agency, year: 2026, today: today)
            }
            // A request arriving between submission and approval does not change what the reviewer approves.
            let late = try await RequestRepository(database).submit(RequestRepositoryTests.submission(agencyID: agency, contact: "13900000009"),
                                                                    address: "192.0.2.9")
            try await RequestRepository(database).record(.received(on: Self.d("2026-12-01"), channel: .online), id: late.id, by: admin,
                                                         calendar: Self.calendar)
            let published = try await reports.approve(by: admin, agencyID: agency, year: 2026, today: today)
            #expect(published.publishedOn == today && published.firstPublishedOn == today && published.version == 3)
            #expect(published.report.value("三.newlyReceived.total") == 2)
            #expect(published.report.sections[0].text == overview)
            let snapshot = try await AnnualReportRepository(database).snapshot(agencyID: agency, year: 2026, version: 2)
            #expect(snapshot == published.report)
            #expect(try await reports.live(agencyID: agency, year: 2026, today: today).report.value("三.newlyReceived.total") == 3)

            // Revision reopens the draft; the portal keeps the published version until the next approval.
            try await reports.revise(by: admin, agencyID: agency, year: 2026)
            let reopened = try await AnnualReportRepository(database).stored(agencyID: agency, year: 2026)
            #expect(reopened.status == .draft && reopened.publishedVersion == 3 && reopened.figures.count == 1)
            #expect(try await AnnualReportRepository(database).published(agencyID: agency, year: 2026)?.version == 3)
            await #expect(throws: AnnualReportError.self) { try await reports.approve(by: admin, agencyID: agency, year: 2026, today: today) }

            // Next year's report carries over what this one carried forward, and checks it against the published report.
            let next = try await reports.live(agencyID: agency, year: 2027, today: Self.d("2027-03-01")).report
            #expect(next.value("三.carriedOver.total") == 2)
            #expect(next.checks.first { $0.name == "上年结转与上年度报告一致" }?.ok == false)
            #expect(next.failingCells.contains("三.carriedOver.naturalPerson"))

            let versions = try await AnnualReportRepository(database).versions(agencyID: agency, year: 2026)
            #expect(versions.map(\.version) == [4, 3, 2, 1])
            #expect(versions.map(\.status) == [.draft, .published, .submitted, .draft])
            #expect(versions.map(\.hasSnapshot) == [false, true, true, false])
            let audit = AuditLog(database)
            let actions = try await audit.entries(limit: nil, ascending: true, filter: .init(objectType: "annual_report")).map(\.action)
            #expect(actions == ["report.edited", "report.submitted", "report.published", "report.revised"])
            #expect(try await audit.verify() == .intact(entries: try await audit.entries(limit: nil).count))
        }
    }

    /// 条例 第五十条: the report on 2026 is due 2027-01-31; the compliance sweep reports it due soon, overdue, or
    /// published late, for agencies monitored since 1月1日 of the report year.
    @Test(arguments: StoreBackend.allCases)
    func theReportIsAnObligationDueOnJanuary31(backend: StoreBackend) async throws {
        try await TestDatabase.with(backend) { database in
            let fixture = try await RecordFixture.make(database)
            let compliance = ComplianceRepository(database)
            try await compliance.setMonitoringStart(agencyID: fixture.yiyuan, date: Self.d("2026-01-01"), actor: "test")
            try await compliance.setMonitoringStart(agencyID: fixture.guannan, date: Self.d("2026-03-01"), actor: "test")
            let sweep = ComplianceSweep(database: database, calendar: Self.calendar)
            func reportFindings(at day: String) async throws -> [Finding] {
                try await sweep.run(at: Self.d(day)).findings.filter { $0.itemID == nil && $0.agencyID != nil }
            }
            #expect(try await reportFindings(at: "2026-12-31").isEmpty)
            let soon = try await reportFindings(at: "2027-01-26")
            #expect(soon.map(\.kind) == [.dueSoon] && soon[0].agencyID == fixture.yiyuan && soon[0].due == Self.d("2027-01-31"))
            #expect(soon[0].explanation.contains("淄博市医疗保障局沂源分局2026年政府信息公开工作年度报告"))
            let overdue = try await reportFindings(at: "2027-02-03")
            #expect(overdue.map(\.kind) == [.overdue] && overdue[0].workdays == 3)

            try await Self.prepare(fixture)
            let reports = AnnualReports(database: database, calendar: Self.calendar)
            _ = try await reports.save(by: fixture.yiyuanAdmin, agencyID: fixture.yiyuan, year: 2026, figures: ["二.fee.amount": "0"],
                                       sections: [:], expectedVersion: nil, today: Self.d("2027-02-01"))
            _ = try await reports.submit(by: fixture.yiyuanAdmin, agencyID: fixture.yiyuan, year: 2026, today: Self.d("2027-02-01"))
            try await reports.approve(by: fixture.yiyuanAdmin, agencyID: fixture.yiyuan, year: 2026, today: Self.d("2027-02-02"))
            let late = try await reportFindings(at: "2027-02-10")
            #expect(late.map(\.kind) == [.late] && late[0].published == Self.d("2027-02-02") && late[0].workdays == 2)
        }
    }
}
