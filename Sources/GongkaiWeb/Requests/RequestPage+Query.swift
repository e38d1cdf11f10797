import GongkaiCore
import GongkaiStore

extension DisclosureRequestController.DetailView {
    /// The page of `stored` with its clock at `today`; `error` is a refused step, said above the forms.
    static func load(stored: StoredRequest, error: String?, today: CivilDate, calendar: WorkingCalendar, requests: RequestRepository,
                     directory: AgencyDirectory, letters: RequestLetters) async throws -> Self {
        let (state, _) = RequestWorkflow.replayLeniently(stored.request.events, calendar: calendar)
        let clock = stored.request.clock(calendar: calendar, today: today)
        let applicant = stored.request.applicant
        let departments = try await directory.departments(agencyID: stored.agencyID)
        let files = try await requests.attachments(requestID: stored.id).map {
            DisclosureRequestController.AttachmentLink(url: SiteURL.adminRequestAttachment(.value(stored.id), sha: .value($0.sha256)).path,
                                                       name: $0.name, size: "\(max(1, $0.size / 1024)) KB")
        }
        return Self(
            id: stored.id, eventsURL: SiteURL.adminRequestEvents(.value(stored.id)).path,
            letterDocxURL: SiteURL.adminRequestLetter(.value(stored.id), format: .docx).path,
            letterPDFURL: SiteURL.adminRequestLetter(.value(stored.id), format: .pdf).path, code: stored.code, agencyName: try await directory.agency(id: stored.agencyID)?.name ?? "",
            applicantName: applicant.name, kindLabel: applicant.kind.fullLabel, documentLabel: applicant.documentType.label,
            documentNumber: applicant.documentNumber, contact: applicant.contact, information: stored.request.requestedInformation,
            formRequirement: stored.request.formRequirement, delivery: stored.delivery, department: state.department ?? "未分办",
            phaseLabel: state.phase.label, clockLabel: clock.status.label, received: state.receivedOn?.description ?? "尚未登记",
            due: clock.dueDate?.description ?? "—", remaining: "\(clock.remainingWorkdays)",
            steps: clock.explanation.split(separator: "\n").map(String.init), segments: clock.segments.map(\.text), flags: clock.flags,
            events: stored.request.events.map(DisclosureRequestController.EventRow.init), error: error, today: today.description,
            letterNumber: stored.letterNumber, canDownload: state.answer != nil && letters.isAvailable,
            forms: DisclosureRequestController.Forms(state),
            departments: departments.map { SelectOption(value: String($0.id), label: $0.name, selected: false) },
            channels: ReceiptChannel.allCases.map { SelectOption(value: $0.rawValue, label: "\($0.label)：\($0.receiptRule)", selected: $0 == .online) },
            parties: ConsultationParty.allCases.map { SelectOption(value: $0.rawValue, label: $0.label, selected: false) },
            outcomes: RequestOutcome.allCases.filter { !$0.isTermination }.map {
                SelectOption(value: $0.rawValue, label: ($0.groupRowLabel) + ($0.itemRowLabel.map { " " + $0 } ?? ""), selected: false)
            },
            results: AppealResult.allCases.filter { $0 != .pending }.map { SelectOption(value: $0.rawValue, label: $0.label, selected: false) },
            feeMethods: FeeMethod.allCases.map { SelectOption(value: $0.rawValue, label: $0.label, selected: false) },
            fees: [FeeSchedule.perApplication(ordinal: 11).explanation, FeeSchedule.perVolume(pages: 31).explanation],
            attachments: files, hasAttachments: !files.isEmpty, hasFlags: !clock.flags.isEmpty)
    }
}

extension DisclosureRequestController.Forms {
    /// The step forms of `state`'s phase.
    init(_ state: RequestState) {
        switch state.phase {
        case .new: receive = true
        case .registered, .processing:
            assign = state.department == nil
            clarify = state.clarification == nil
            consult = true
            extend = state.extensionGrant == nil
            feeNotice = state.fee == nil
            answer = true
        case .awaitingClarification: (clarificationReceived, clarificationExpired) = (true, true)
        case .consulting: endConsultation = true
        case .awaitingFee: (feePaid, feeExpired, answer) = (true, true, true)
        case .answered, .closed, .archived:
            archive = state.phase != .archived
            review = state.review == nil
            reviewDecided = state.review.map { $0.decidedOn == nil } ?? false
            litigation = state.litigation == nil
            litigationDecided = state.litigation.map { $0.decidedOn == nil } ?? false
        }
    }
}

extension DisclosureRequestController.EventRow {
    /// The log's line of `event`: its date, its kind and what it says.
    init(_ event: RequestEvent) {
        let detail: String
        switch event {
        case .received(_, let channel): detail = channel.label
        case .assigned(_, let department): detail = department
        case .clarificationRequested(_, let items, let days): detail = items.joined(separator: "；") + "（补正期限\(days)个工作日）"
        case .consultationStarted(_, let party): detail = party.label
        case .extended(_, let workdays, let approver): detail = "延长\(workdays)个工作日，批准人：\(approver)"
        case .feeNoticed(_, let amount, let method): detail = "\(method.label) \(amount)元"
        case .answered(_, let outcome, let basis, _): detail = outcome.label + (basis.map { "（\($0)）" } ?? "")
        case .reviewDecided(_, let result), .litigationDecided(_, let result): detail = result.label
        default: detail = ""
        }
        self.init(date: event.date.description, label: event.kind.label, detail: detail)
    }
}
