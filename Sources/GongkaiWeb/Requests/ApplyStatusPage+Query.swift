import GongkaiCore
import GongkaiStore

extension ApplyController.StatusDetail {
    /// What the applicant of `stored` is shown, its clock at `today`.
    static func load(stored: StoredRequest, today: CivilDate, calendar: WorkingCalendar, directory: AgencyDirectory,
                     letters: RequestLetters) async throws -> Self {
        let (state, _) = RequestWorkflow.replayLeniently(stored.request.events, calendar: calendar)
        let clock = stored.request.clock(calendar: calendar, today: today)
        let agency = try await directory.agency(id: stored.agencyID)?.name ?? ""
        let answer = state.answer
        return Self(
            code: stored.code, agencyName: agency, phaseLabel: state.phase.label, clockLabel: clock.status.label,
            received: state.receivedOn?.description ?? "尚未登记（机关确认收到申请后开始计算答复期限）",
            due: clock.dueDate?.description ?? "—", information: stored.request.requestedInformation,
            steps: clock.explanation.split(separator: "\n").map(String.init),
            awaitingClarification: state.phase == .awaitingClarification,
            clarificationItems: state.clarification?.items ?? [], clarificationDeadline: state.clarification?.replyDeadline.description ?? "",
            answered: answer != nil, outcomeLabel: state.outcome?.label ?? "", legalBasis: answer.flatMap { $0.legalBasis.isEmpty ? nil : $0.legalBasis },
            answeredOn: answer?.on.description ?? "", answerText: answer.flatMap { $0.text.isEmpty ? nil : $0.text },
            letterNumber: stored.letterNumber,
            canDownload: answer != nil && letters.isAvailable)
    }
}
