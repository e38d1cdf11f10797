import Foundation
import GongkaiCore
import Testing

/// The outcomes and applicant kinds are table 三 of the annual report (REGULATIONS §2.3); labels must match verbatim.
@Suite struct RequestOutcomeTests {
    @Test func outcomesAreTheTwentyOneRowsOfTableThree() {
        #expect(RequestOutcome.allCases.count == 21)
        let groups = Dictionary(grouping: RequestOutcome.allCases, by: \.groupRowLabel).mapValues(\.count)
        #expect(groups == ["（一）予以公开": 1, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）": 1, "（三）不予公开": 8,
                           "（四）无法提供": 3, "（五）不予处理": 5, "（六）其他处理": 3])
        #expect(RequestOutcome.allCases.compactMap(\.itemRowLabel) == [
            "1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”", "4.保护第三方合法权益",
            "5.属于三类内部事务信息", "6.属于四类过程性信息", "7.属于行政执法案卷", "8.属于行政查询事项",
            "1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确",
            "1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请", "5.要求行政机关确认或重新出具已获取信息",
            "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
            "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "3.其他",
        ])
        #expect(RequestOutcome.withheld(.stateSecret).label == "不予公开·属于国家秘密")
        #expect(RequestOutcome.disclosed.label == "予以公开")
    }

    @Test func rawValuesAreStableAndRoundTrip() throws {
        let raws = RequestOutcome.allCases.map(\.rawValue)
        #expect(Set(raws).count == 21)
        #expect(raws.contains("notProcessed.petitionOrComplaint"))
        for outcome in RequestOutcome.allCases { #expect(RequestOutcome(rawValue: outcome.rawValue) == outcome) }
        #expect(RequestOutcome(rawValue: "withheld.unknown") == nil)
        let json = try JSONEncoder().encode([RequestOutcome.otherHandling(.feeUnpaid)])
        #expect(String(decoding: json, as: UTF8.self) == #"["otherHandling.feeUnpaid"]"#)
    }

    @Test func legalBasisSuggestionsSayHowSureTheyAre() {
        #expect(RequestOutcome.withheld(.thirdPartyRights).suggestedLegalBasis?.text == "《中华人民共和国政府信息公开条例》第三十六条第（三）项、第十五条")
        #expect(RequestOutcome.withheld(.thirdPartyRights).suggestedLegalBasis?.source == .referenceMapping)
        #expect(RequestOutcome.withheld(.administrativeQuery).suggestedLegalBasis?.source == .ownInference)
        #expect(RequestOutcome.notProcessed(.confirmationOrReissue).suggestedLegalBasis == nil)
        #expect(RequestOutcome.otherHandling(.other).suggestedLegalBasis == nil)
        // Every other row has a suggestion.
        #expect(RequestOutcome.allCases.filter { $0.suggestedLegalBasis == nil }.count == 2)
    }

    @Test func applicantKindsAreTheColumns() {
        #expect(ApplicantKind.allCases.map(\.label) == ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"])
        #expect(ApplicantKind.allCases.filter(\.isOrganization).allSatisfy { $0.groupLabel == "法人或其他组织" })
        #expect(ApplicantKind.legalServiceOrganization.fullLabel == "法人或其他组织（法律服务机构）")
        #expect(ApplicantKind.totalLabel == "总计")
    }

    @Test func eventsRoundTripThroughJSON() throws {
        let d = TestCalendar.date
        let events: [RequestEvent] = [
            .received(on: d("2026-09-21"), channel: .fax),
            .assigned(on: d("2026-09-21"), department: "办公室"),
            .clarificationRequested(on: d("2026-09-22"), items: ["文号"], replyWorkdays: 10),
            .clarificationReceived(on: d("2026-09-24")),
            .consultationStarted(on: d("2026-09-28"), party: .thirdParty),
            .consultationEnded(on: d("2026-10-09")),
            .extended(on: d("2026-10-12"), workdays: 15, approver: "李明"),
            .feeNoticed(on: d("2026-10-13"), amount: 700, method: .perVolume),
            .feePaid(on: d("2026-10-14")),
            .answered(on: d("2026-10-15"), outcome: .withheld(.thirdPartyRights), legalBasis: nil),
            .archived(on: d("2026-10-16")),
            .reviewFiled(on: d("2026-11-02")),
            .reviewDecided(on: d("2026-12-01"), result: .corrected),
            .litigationFiled(on: d("2026-12-10")),
            .litigationDecided(on: d("2027-03-01"), result: .other),
            .clarificationExpired(on: d("2027-03-02")),
            .feeExpired(on: d("2027-03-03")),
        ]
        #expect(Set(events.map(\.kind)) == Set(RequestEventKind.allCases))
        let json = try JSONEncoder().encode(events)
        #expect(try JSONDecoder().decode([RequestEvent].self, from: json) == events)
        let text = String(decoding: json, as: UTF8.self)
        #expect(text.contains(#""type":"clarificationRequested""#))
        #expect(text.contains(#""outcome":"withheld.thirdPartyRights""#))
        #expect(text.contains(#""date":"2026-09-21""#))
    }
}
