import Foundation
import GongkaiCore
import Testing

@Suite struct RequestWorkflowTests {
    let calendar = TestCalendar.calendar
    func d(_ text: String) -> CivilDate { TestCalendar.date(text) }
    func replay(_ events: [RequestEvent]) throws -> RequestState { try RequestWorkflow.replay(events, calendar: calendar) }
    func apply(_ event: RequestEvent, _ state: RequestState) throws -> RequestState {
        try RequestWorkflow.apply(event, to: state, calendar: calendar)
    }
    var received: RequestEvent { .received(on: d("2026-06-08"), channel: .inPerson) }

    @Test func phasesFollowTheStaffWorkflow() throws {
        var state = try replay([received])
        #expect(state.phase == .registered)
        state = try apply(.assigned(on: d("2026-06-08"), department: "基金监管科"), state)
        #expect(state.phase == .processing)
        state = try apply(.consultationStarted(on: d("2026-06-10"), party: .otherAgency), state)
        #expect(state.phase == .consulting)
        #expect(throws: RequestWorkflow.Failure.notAllowed(.consulting, .answered)) {
            try apply(.answered(on: d("2026-06-11"), outcome: .disclosed), state)
        }
        state = try apply(.consultationEnded(on: d("2026-06-12")), state)
        #expect(state.phase == .processing)
        state = try apply(.answered(on: d("2026-06-15"), outcome: .partiallyDisclosed, legalBasis: "第三十七条（区分处理）"), state)
        #expect(state.answer?.legalBasis == "第三十七条（区分处理）")
        state = try apply(.archived(on: d("2026-06-16")), state)
        #expect(state.phase == .archived)
        #expect(throws: RequestWorkflow.Failure.notAllowed(.archived, .answered)) {
            try apply(.answered(on: d("2026-06-17"), outcome: .disclosed), state)
        }
        #expect(RequestWorkflow.Failure.notAllowed(.archived, .answered).description.contains("已归档的申请不能再办理"))
    }

    @Test func clarificationIsAskedOnceWithItems() throws {
        let registered = try replay([received])
        #expect(throws: RequestWorkflow.Failure.clarificationItemsMissing) {
            try apply(.clarificationRequested(on: d("2026-06-09"), items: ["  "]), registered)
        }
        let corrected = try replay([received, .clarificationRequested(on: d("2026-06-09"), items: ["写明文号"]),
                                    .clarificationReceived(on: d("2026-06-12"))])
        #expect(throws: RequestWorkflow.Failure.clarificationAlreadyRequested(on: d("2026-06-09"))) {
            try apply(.clarificationRequested(on: d("2026-06-15"), items: ["再写明年份"]), corrected)
        }
        // 补正后申请内容仍不明确 needs a received correction.
        #expect(throws: RequestWorkflow.Failure.outcomeNeedsClarification) {
            try apply(.answered(on: d("2026-06-09"), outcome: .unavailable(.stillUnclearAfterClarification)), registered)
        }
        #expect(try apply(.answered(on: d("2026-06-15"), outcome: .unavailable(.stillUnclearAfterClarification)), corrected).phase == .answered)
    }

    /// Received 2026-06-08, due 2026-07-07 (see RequestScenarioTests.extensionOfTwentyWorkdays).
    @Test func extensionRules() throws {
        let state = try replay([received])
        #expect(throws: RequestWorkflow.Failure.extensionAfterDue(due: d("2026-07-07"))) {
            try apply(.extended(on: d("2026-07-08"), workdays: 10, approver: "李明"), state)
        }
        #expect(throws: RequestWorkflow.Failure.extensionOutOfRange(21)) {
            try apply(.extended(on: d("2026-07-01"), workdays: 21, approver: "李明"), state)
        }
        #expect(throws: RequestWorkflow.Failure.approverMissing) {
            try apply(.extended(on: d("2026-07-01"), workdays: 10, approver: " "), state)
        }
        // On the due date itself an extension is still possible.
        let extended = try apply(.extended(on: d("2026-07-07"), workdays: 10, approver: "李明"), state)
        #expect(extended.allowedWorkdays == 30)
        let paused = try apply(.consultationStarted(on: d("2026-06-10"), party: .thirdParty), state)
        #expect(throws: RequestWorkflow.Failure.notAllowed(.consulting, .extended)) {
            try apply(.extended(on: d("2026-06-11"), workdays: 10, approver: "李明"), paused)
        }
    }

    @Test func eventsMustBeInDateOrder() throws {
        #expect(throws: RequestWorkflow.ReplayFailure(index: 1, event: .answered,
                                                      failure: .outOfOrder(d("2026-06-05"), after: d("2026-06-08")))) {
            try replay([received, .answered(on: d("2026-06-05"), outcome: .disclosed)])
        }
        #expect(throws: RequestWorkflow.Failure.notAllowed(.registered, .received)) {
            try apply(received, try replay([received]))
        }
    }

    @Test func feeNoticeOnceAndTerminations() throws {
        let noticed = try replay([received, .feeNoticed(on: d("2026-06-10"), amount: 100, method: .perApplication)])
        #expect(noticed.phase == .awaitingFee)
        #expect(throws: RequestWorkflow.Failure.notAllowed(.awaitingFee, .feeNoticed)) {
            try apply(.feeNoticed(on: d("2026-06-11"), amount: 100, method: .perVolume), noticed)
        }
        let paid = try apply(.feePaid(on: d("2026-06-12")), noticed)
        #expect(throws: RequestWorkflow.Failure.feeAlreadyNoticed(on: d("2026-06-10"))) {
            try apply(.feeNoticed(on: d("2026-06-15"), amount: 100, method: .perVolume), paid)
        }
        #expect(throws: RequestWorkflow.Failure.outcomeNeedsEvent(.otherHandling(.feeUnpaid), .feeExpired)) {
            try apply(.answered(on: d("2026-06-15"), outcome: .otherHandling(.feeUnpaid)), paid)
        }
        let unpaid = try apply(.feeExpired(on: d("2026-06-30")), noticed)
        #expect(unpaid.outcome == .otherHandling(.feeUnpaid))
        #expect(unpaid.phase == .closed)
        #expect(try apply(.archived(on: d("2026-07-01")), unpaid).phase == .archived)
    }

    @Test func reviewAndLitigation() throws {
        var state = try replay([received, .answered(on: d("2026-06-10"), outcome: .withheld(.processInformation)),
                                .archived(on: d("2026-06-11"))])
        state = try apply(.reviewFiled(on: d("2026-07-01")), state)
        #expect(state.review?.result == .pending)
        #expect(throws: RequestWorkflow.Failure.pendingIsNotADecision) {
            try apply(.reviewDecided(on: d("2026-08-01"), result: .pending), state)
        }
        state = try apply(.reviewDecided(on: d("2026-08-01"), result: .upheld), state)
        #expect(throws: RequestWorkflow.Failure.appealAlreadyDecided(.reviewDecided)) {
            try apply(.reviewDecided(on: d("2026-08-02"), result: .corrected), state)
        }
        #expect(throws: RequestWorkflow.Failure.appealNotFiled(.litigationDecided)) {
            try apply(.litigationDecided(on: d("2026-08-02"), result: .corrected), state)
        }
        state = try apply(.litigationFiled(on: d("2026-08-10")), state)
        #expect(state.litigation?.afterReview == true)
        state = try apply(.litigationDecided(on: d("2026-11-10"), result: .corrected), state)
        #expect(state.litigation?.result == .corrected)
        let direct = try replay([received, .litigationFiled(on: d("2026-08-10"))])
        #expect(direct.litigation?.afterReview == false)
    }

    @Test func disclosureRequestRecordsOnlyAllowedEvents() throws {
        let applicant = ApplicantIdentity(kind: .naturalPerson, name: "王某", documentType: .residentIDCard,
                                          documentNumber: "11010519491231002X", contact: "13800000000")
        var request = DisclosureRequest(id: 1, agencyID: 1, applicant: applicant, requestedInformation: "2025年城乡居民医保基金收支情况")
        #expect(request.problems().isEmpty)
        request = try request.recording(received, calendar: calendar)
        #expect(throws: RequestWorkflow.Failure.self) { try request.recording(received, calendar: calendar) }
        #expect(request.events.count == 1)
        #expect(request.clock(calendar: calendar, today: d("2026-06-09")).dueDate == d("2026-07-07"))
        let json = try JSONEncoder().encode(request)
        #expect(try JSONDecoder().decode(DisclosureRequest.self, from: json) == request)
    }
}
