import Foundation
import GongkaiCore
import Testing

/// The generated draft of sections 一…六: headings verbatim, the year's numbers, changes from last year, editing.
@Suite struct AnnualReportNarrativeTests {
    func reports() throws -> (previous: AnnualReport, current: AnnualReport) {
        let requests = try AnnualReportFixture.requests()
        let previous = AnnualReportBuilder.build(AnnualReportFixture.input(year: 2025, requests: requests))
        return (previous, AnnualReportBuilder.build(AnnualReportFixture.input(requests: requests, previous: previous)))
    }

    @Test func headingsAreTheSixOf30Hao() throws {
        let sections = try reports().current.sections
        #expect(sections.map(\.heading) == ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
                                            "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"])
        #expect(sections.map(\.number) == [1, 2, 3, 4, 5, 6])
        #expect(sections.allSatisfy { $0.version == 1 && $0.text == $0.draft && !$0.isEdited })
    }

    @Test func draftQuotesTheYearsNumbersAndChanges() throws {
        let (previous, report) = try reports()
        let text = report.sections.map(\.draft)
        // 2025: R1 R11 R12 new; 2026: 10 new. Documents: 2025 written N6 → 1 issued; 2026: 2.
        #expect(previous.value("三.newlyReceived.total") == 3)
        #expect(text[0].contains("2026年，某县医疗保障局") && text[0].contains("全年主动公开政府信息120条（与上年持平）"))
        #expect(text[0].contains("应在本年公开的事项42项，按时公开40项，逾期公开或尚未公开2项"))
        #expect(text[1].contains("本年制发行政规范性文件2件（较上年增加1件），废止1件，现行有效4件"))
        #expect(text[1].contains("行政许可3件（较上年增加2件），行政处罚2件（较上年增加2件），行政强制0件（与上年持平）"))
        #expect(text[1].contains("行政事业性收费金额1.25万元"))
        #expect(text[2].contains("本年新收政府信息公开申请10件（较上年增加7件），上年结转2件"))
        #expect(text[2].contains("本年度办结11件，其中予以公开3件、部分公开1件、不予公开2件、无法提供2件、不予处理1件、其他处理2件；结转下年度继续办理1件"))
        #expect(text[2].contains("在法定期限内答复10件，逾期答复1件"))
        #expect(text[3].contains("被申请行政复议4件（结果维持1件，结果纠正1件，其他结果1件，尚未审结1件）"))
        #expect(text[3].contains("被提起行政诉讼2件（未经复议直接起诉1件，尚未审结1件；复议后起诉1件，其他结果1件）。"))
        #expect(text[4].contains("本年有2项主动公开事项未按时公开") && text[4].contains("〔请填写存在的主要问题及改进情况。〕"))
        // R9 paid 200元 in 2026; R8's 100元 was never paid.
        #expect(text[5].contains("收取信息处理费1件，共计200元"))
    }

    @Test func aYearWithoutAppealsSaysSo() {
        let report = AnnualReportBuilder.build(ReportInput(year: 2026, agencyName: "某县医疗保障局"))
        #expect(report.sections[3].draft == "本年度未发生因政府信息公开工作被申请行政复议、提起行政诉讼的情况。")
        #expect(report.sections[5].draft.hasPrefix("本年度未收取信息处理费。"))
    }

    @Test func aStoredRequestIsReplayedIntoItsColumnAndState() throws {
        let applicant = ApplicantIdentity(kind: .legalServiceOrganization, name: "某律师事务所", documentType: .unifiedSocialCreditCode,
                                          documentNumber: "91370000000000000X", contact: "0533-0000000")
        let request = try DisclosureRequest(id: 1, agencyID: 1, applicant: applicant, requestedInformation: "2026年医保基金监管文件")
            .recording(.received(on: TestCalendar.date("2026-03-02"), channel: .online), calendar: TestCalendar.calendar)
            .recording(.answered(on: TestCalendar.date("2026-03-10"), outcome: .disclosed), calendar: TestCalendar.calendar)
        let fact = try ReportRequest(request, calendar: TestCalendar.calendar)
        let report = AnnualReportBuilder.build(ReportInput(year: 2026, agencyName: "某县医疗保障局", requests: [fact]))
        #expect(fact.kind == .legalServiceOrganization)
        #expect(report.value("三.disclosed.legalServiceOrganization") == 1 && report.value("三.disclosed.total") == 1)
    }

    @Test func editingMakesANewVersionAndKeepsTheDraft() throws {
        let section = try reports().current.sections[4]
        let edited = section.editing("本年存在个别事项公开不及时的问题，已建立提醒机制。")
        #expect(edited.version == 2 && edited.isEdited && edited.draft == section.draft)
        #expect(edited.editing(edited.text) == edited)
    }
}
