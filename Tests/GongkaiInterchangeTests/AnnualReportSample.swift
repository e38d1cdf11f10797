import Foundation
import GongkaiCore
import GongkaiInterchange

/// A county 医保局's annual report built by the core from a few documents, decisions and requests (a smaller
/// copy of GongkaiCoreTests' AnnualReportFixture), so the writer's tests read real tables.
enum AnnualReportSample {
    static let calendar = WorkingCalendar(try! HolidayData.bundledYears())

    static func d(_ text: String) -> CivilDate { CivilDate(text)! }

    static func request(_ kind: ApplicantKind, _ events: [RequestEvent]) -> ReportRequest {
        ReportRequest(kind: kind, state: try! RequestWorkflow.replay(events, calendar: calendar))
    }

    /// The report for `year` (2026: the 2021 format; 2020: the 2019 trial format).
    static func report(year: Int = 2026, fee: Decimal? = Decimal(string: "1.25")!) -> AnnualReport {
        let y = { (monthDay: String) in d("\(year)-\(monthDay)") }
        let documents: [NormativeDocumentFact] = [
            .init(recordID: 1, kind: .normativeDocument, writtenDate: y("03-10"), publishedDate: y("03-15")),
            .init(recordID: 2, kind: .normativeDocument, writtenDate: d("\(year - 2)-05-01"), publishedDate: d("\(year - 2)-05-10"),
                  validity: .repealed, validityChangedOn: y("08-01")),
            .init(recordID: 3, kind: .regulation, writtenDate: d("\(year - 1)-06-01"), publishedDate: d("\(year - 1)-06-05")),
        ]
        let decisions: [DecisionFact] = [
            .init(recordID: 20, kind: .license, decidedOn: y("01-15")), .init(recordID: 21, kind: .license, decidedOn: y("06-15")),
            .init(recordID: 24, kind: .penalty, decidedOn: y("03-03")),
        ]
        let requests = [
            request(.naturalPerson, [.received(on: d("\(year - 1)-12-22"), channel: .online), .answered(on: y("01-08"), outcome: .disclosed)]),
            request(.naturalPerson, [.received(on: y("02-02"), channel: .online), .answered(on: y("02-10"), outcome: .disclosed),
                                     .reviewFiled(on: y("03-01")), .reviewDecided(on: y("04-20"), result: .upheld)]),
            request(.naturalPerson, [.received(on: y("03-02"), channel: .inPerson), .answered(on: y("03-20"), outcome: .partiallyDisclosed),
                                     .reviewFiled(on: y("04-01")), .reviewDecided(on: y("05-20"), result: .corrected),
                                     .litigationFiled(on: y("06-01")), .litigationDecided(on: y("09-01"), result: .other)]),
            request(.commercialEnterprise, [.received(on: y("04-01"), channel: .online),
                                            .answered(on: y("04-20"), outcome: .withheld(.thirdPartyRights)),
                                            .litigationFiled(on: y("05-10"))]),
            request(.researchInstitution, [.received(on: y("05-06"), channel: .online), .answered(on: y("05-15"), outcome: .unavailable(.notHeld))]),
            request(.socialWelfareOrganization, [.received(on: y("06-01"), channel: .online),
                                                 .answered(on: y("06-05"), outcome: .notProcessed(.duplicate))]),
            request(.otherOrganization, [.received(on: y("07-01"), channel: .online),
                                         .feeNoticed(on: y("07-10"), amount: 100, method: .perVolume), .feeExpired(on: y("08-20"))]),
            request(.naturalPerson, [.received(on: y("12-21"), channel: .inPerson)]),
        ]
        let figures = fee.map { [EnteredFigure(cellID: "二.fee.amount", value: $0, enteredBy: "张三", enteredOn: d("\(year + 1)-01-10"))] } ?? []
        let input = ReportInput(year: year, agencyName: "某县医疗保障局", normativeDocuments: documents, decisions: decisions,
                                requests: requests, enteredFigures: figures, previousReport: nil,
                                compliance: ComplianceFacts(publishedRecords: 120, obligationsOnTime: 40, obligationsLate: 2,
                                                            requestsAnsweredOnTime: 6, requestsAnsweredLate: 1))
        return AnnualReportBuilder.build(input)
    }
}
