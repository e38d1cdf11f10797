import Foundation
import GongkaiCore

/// A hand-built county 医保局 for the 2026 report: documents, decisions and 14 requests across 2025–2027.
/// Every expected number in the tests is counted by hand from the comments here.
enum AnnualReportFixture {
    static func d(_ text: String) -> CivilDate { TestCalendar.date(text) }

    static func request(_ kind: ApplicantKind, _ events: [RequestEvent]) throws -> ReportRequest {
        ReportRequest(kind: kind, state: try RequestWorkflow.replay(events, calendar: TestCalendar.calendar))
    }

    /// 2026: normative issued N1, N4 = 2; repealed N2 = 1; in force N1 N3 N4 N6 = 4. 规章: 0 / 0 / 1.
    static let documents: [NormativeDocumentFact] = [
        .init(recordID: 1, kind: .normativeDocument, writtenDate: d("2026-03-10"), publishedDate: d("2026-03-15")),
        .init(recordID: 2, kind: .normativeDocument, writtenDate: d("2024-05-01"), publishedDate: d("2024-05-10"),
              validity: .repealed, validityChangedOn: d("2026-08-01")),
        .init(recordID: 3, kind: .normativeDocument, writtenDate: d("2023-01-05"), publishedDate: d("2023-01-06")),
        // Written 2026, published 2027: 制发 in 2026 (成文日期), in force on 2026-12-31.
        .init(recordID: 4, kind: .normativeDocument, writtenDate: d("2026-12-28"), publishedDate: d("2027-01-04")),
        // 失效 (not 废止) in 2026: not counted as repealed, not in force.
        .init(recordID: 5, kind: .normativeDocument, writtenDate: d("2022-02-02"), publishedDate: d("2022-02-03"),
              validity: .expired, validityChangedOn: d("2026-06-30")),
        // Repealed in 2027: still in force at the end of 2026.
        .init(recordID: 6, kind: .normativeDocument, writtenDate: d("2025-04-04"), publishedDate: d("2025-04-08"),
              validity: .repealed, validityChangedOn: d("2027-02-01")),
        .init(recordID: 7, kind: .regulation, writtenDate: d("2025-06-01"), publishedDate: d("2025-06-05")),
    ]

    /// 2026: 行政许可 3, 行政处罚 2, 行政强制 0.
    static let decisions: [DecisionFact] = [
        .init(recordID: 20, kind: .license, decidedOn: d("2026-01-15")),
        .init(recordID: 21, kind: .license, decidedOn: d("2026-06-15")),
        .init(recordID: 22, kind: .license, decidedOn: d("2026-12-31")),
        .init(recordID: 23, kind: .license, decidedOn: d("2025-12-31")),
        .init(recordID: 24, kind: .penalty, decidedOn: d("2026-03-03")),
        .init(recordID: 25, kind: .penalty, decidedOn: d("2026-09-09")),
        .init(recordID: 26, kind: .enforcement, decidedOn: d("2027-01-05")),
    ]

    static let fee = EnteredFigure(cellID: "二.fee.amount", value: Decimal(string: "1.25")!, enteredBy: "张三", enteredOn: d("2027-01-10"))

    static func requests() throws -> [ReportRequest] {
        [
            // R1 自然人: received 2025, answered 2026 → 上年结转, 予以公开.
            try request(.naturalPerson, [.received(on: d("2025-12-22"), channel: .online), .answered(on: d("2026-01-08"), outcome: .disclosed)]),
            // R2 自然人: 予以公开; 复议 decided 2026 结果维持.
            try request(.naturalPerson, [.received(on: d("2026-02-02"), channel: .online), .answered(on: d("2026-02-10"), outcome: .disclosed),
                                         .reviewFiled(on: d("2026-03-01")), .reviewDecided(on: d("2026-04-20"), result: .upheld)]),
            // R3 自然人: 部分公开; 复议 结果纠正, then 复议后起诉 其他结果.
            try request(.naturalPerson, [.received(on: d("2026-03-02"), channel: .inPerson),
                                         .answered(on: d("2026-03-20"), outcome: .partiallyDisclosed),
                                         .reviewFiled(on: d("2026-04-01")), .reviewDecided(on: d("2026-05-20"), result: .corrected),
                                         .litigationFiled(on: d("2026-06-01")), .litigationDecided(on: d("2026-09-01"), result: .other)]),
            // R4 商业企业: 不予公开 4 (第三方); 直接起诉, 尚未审结.
            try request(.commercialEnterprise, [.received(on: d("2026-04-01"), channel: .online),
                                                .answered(on: d("2026-04-20"), outcome: .withheld(.thirdPartyRights)),
                                                .litigationFiled(on: d("2026-05-10"))]),
            // R5 科研机构: 无法提供 1; 复议 decided 2027 → 尚未审结 in 2026.
            try request(.researchInstitution, [.received(on: d("2026-05-06"), channel: .online),
                                               .answered(on: d("2026-05-15"), outcome: .unavailable(.notHeld)),
                                               .reviewFiled(on: d("2026-06-01")), .reviewDecided(on: d("2027-01-15"), result: .upheld)]),
            // R6 社会公益组织: 不予处理 2 (重复申请); 复议 其他结果.
            try request(.socialWelfareOrganization, [.received(on: d("2026-06-01"), channel: .online),
                                                     .answered(on: d("2026-06-05"), outcome: .notProcessed(.duplicate)),
                                                     .reviewFiled(on: d("2026-06-10")), .reviewDecided(on: d("2026-08-10"), result: .other)]),
            // R7 法律服务机构: 补正 lapsed → 其他处理 1.
            try request(.legalServiceOrganization, [.received(on: d("2026-06-01"), channel: .online),
                                                    .clarificationRequested(on: d("2026-06-03"), items: ["文号"]),
                                                    .clarificationExpired(on: d("2026-06-26"))]),
            // R8 其他: fee not paid → 其他处理 2.
            try request(.otherOrganization, [.received(on: d("2026-07-01"), channel: .online),
                                             .feeNoticed(on: d("2026-07-10"), amount: 100, method: .perVolume),
                                             .feeExpired(on: d("2026-08-20"))]),
            // R9 自然人: fee of 200元 paid, 予以公开.
            try request(.naturalPerson, [.received(on: d("2026-08-03"), channel: .online),
                                         .feeNoticed(on: d("2026-08-10"), amount: 200, method: .perVolume),
                                         .feePaid(on: d("2026-08-15")), .answered(on: d("2026-08-25"), outcome: .disclosed)]),
            // R10 自然人: still open on 2026-12-31 → 结转下年度.
            try request(.naturalPerson, [.received(on: d("2026-12-21"), channel: .inPerson)]),
            // R11 商业企业: received 2025, answered 2026 → 上年结转, 无法提供 2.
            try request(.commercialEnterprise, [.received(on: d("2025-12-15"), channel: .online),
                                                .answered(on: d("2026-01-10"), outcome: .unavailable(.needsCreation))]),
            // R12 自然人: all in 2025, its 复议 decided 2025 → in no 2026 cell.
            try request(.naturalPerson, [.received(on: d("2025-03-03"), channel: .online), .answered(on: d("2025-03-05"), outcome: .disclosed),
                                         .reviewFiled(on: d("2025-04-01")), .reviewDecided(on: d("2025-06-01"), result: .upheld)]),
            // R13 自然人: received 2027 → ignored.
            try request(.naturalPerson, [.received(on: d("2027-01-04"), channel: .inPerson)]),
            // R14 法律服务机构: 不予公开 6 (过程性信息).
            try request(.legalServiceOrganization, [.received(on: d("2026-09-01"), channel: .online),
                                                    .answered(on: d("2026-09-10"), outcome: .withheld(.processInformation))]),
        ]
    }

    /// The input for `year` with the same facts; `previous` is last year's report.
    static func input(year: Int = 2026, requests: [ReportRequest], previous: AnnualReport? = nil,
                      figures: [EnteredFigure] = [fee]) -> ReportInput {
        ReportInput(year: year, agencyName: "某县医疗保障局", normativeDocuments: documents, decisions: decisions, requests: requests,
                    enteredFigures: figures, previousReport: previous,
                    compliance: ComplianceFacts(publishedRecords: 120, obligationsOnTime: 40, obligationsLate: 2,
                                                requestsAnsweredOnTime: 10, requestsAnsweredLate: 1))
    }
}
