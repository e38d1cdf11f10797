import Foundation
import GongkaiCore
import GongkaiStore
import Hummingbird

/// Staff pages of 依申请公开 under /admin/requests: the list (masked applicants, status, due dates) and each request's
/// page with its applicant data (audited as `request.viewed`), the clock with every stop, pause and restart, the event
/// log and one form per next step (登记, 分办, 补正, 征求意见, 延期, 收费, 答复, 归档, 行政复议, 行政诉讼).
struct DisclosureRequestController {
    let requests: RequestRepository
    let directory: AgencyDirectory
    let calendar: WorkingCalendar
    let letters: RequestLetters
    let renderer: Renderer

    typealias Option = SelectOption

    struct ListView: Sendable {
        var rows: [Row]
        var phases: [Option]
        var agencies: [Option]
        var showAgency: Bool
        var empty: Bool
    }

    struct Row: Sendable {
        var id: Int
        var url: String
        var code: String
        var agencyName: String
        var applicant: String
        var document: String
        var kind: String
        var status: String
        var clock: String
        var received: String
        var due: String
        var daysLeft: String
        var late: Bool
    }

    struct DetailView: Sendable {
        var id: Int
        var eventsURL: String
        var letterDocxURL: String
        var letterPDFURL: String
        var code: String
        var agencyName: String
        var applicantName: String
        var kindLabel: String
        var documentLabel: String
        var documentNumber: String
        var contact: String
        var information: String
        var formRequirement: String
        var delivery: String
        var department: String
        var phaseLabel: String
        var clockLabel: String
        var received: String
        var due: String
        var remaining: String
        var steps: [String]
        var segments: [String]
        var flags: [String]
        var events: [EventRow]
        var error: String?
        var today: String
        var letterNumber: String?
        var canDownload: Bool
        var forms: Forms
        var departments: [Option]
        var channels: [Option]
        var parties: [Option]
        var outcomes: [Option]
        var results: [Option]
        var feeMethods: [Option]
        var fees: [String]
        var attachments: [AttachmentLink]
        var hasAttachments: Bool
        var hasFlags: Bool
    }

    struct AttachmentLink: Sendable {
        var url: String
        var name: String
        var size: String
    }

    struct EventRow: Sendable {
        var date: String
        var label: String
        var detail: String
    }

    /// Which step forms the page offers in the current phase (the workflow still checks each event).
    struct Forms: Sendable {
        var receive = false, assign = false, clarify = false, clarificationReceived = false, clarificationExpired = false
        var consult = false, endConsultation = false, extend = false, feeNotice = false, feePaid = false, feeExpired = false
        var answer = false, archive = false, review = false, reviewDecided = false, litigation = false, litigationDecided = false
    }

    func addRoutes(to router: Router<WebContext>) {
        router.get(.adminRequests) { request, context in
            let user = try requireUser(context)
            let query = request.uri.queryParameters
            let phase = query["status"].flatMap { RequestState.Phase(rawValue: String($0)) }
            var agencyID = user.role == .systemAdmin ? nil : user.agencyID
            if let text = query["agency"].map(String.init), !text.isEmpty {
                guard let id = Int(text), Permissions.canView(agencyID: id, user) else { throw WebError.forbidden("不能查看其他机关的申请。") }
                agencyID = id
            }
            let rows = try await requests.list(by: user, agencyID: agencyID, phase: phase)
            let agencies = try await directory.agencies()
            let names = Dictionary(uniqueKeysWithValues: agencies.map { ($0.id, $0.name) })
            let today = renderer.config.clock.today
            let view = ListView(
                rows: rows.map { row(for: $0, agencyName: names[$0.agencyID] ?? "", today: today) },
                phases: RequestState.Phase.allCases.map { Option(value: $0.rawValue, label: $0.label, selected: $0 == phase) },
                agencies: user.role == .systemAdmin ? agencies.map { Option(value: String($0.id), label: $0.name, selected: $0.id == agencyID) } : [],
                showAgency: user.role == .systemAdmin, empty: rows.isEmpty)
            return renderer.render("requests", title: "依申请公开", content: view, context: context)
        }
        router.get(.adminRequest(.key)) { _, context in
            let user = try requireUser(context)
            let stored = try await requests.view(id: try context.parameters.require("id", as: Int.self), by: user)
            return try await detail(stored, context: context)
        }
        router.post(.adminRequestEvents(.key)) { request, context in
            let user = try requireUser(context)
            let id = try context.parameters.require("id", as: Int.self)
            guard let current = try await requests.request(id: id) else { throw WebError.notFound("申请") }
            guard Permissions.canView(agencyID: current.agencyID, user) else { throw WebError.forbidden("只能办理本机关的申请。") }
            let form = try await FormData.read(request, context: context)
            do {
                let departments = try await directory.departments(agencyID: current.agencyID)
                let (event, departmentID) = try Self.event(from: form, departments: departments)
                try await requests.record(event, id: id, by: user, calendar: calendar, departmentID: departmentID)
            } catch let failure as RequestFailure {
                let stored = try await requests.view(id: id, by: user)
                return try await detail(stored, context: context, error: failure.description, status: .badRequest)
            }
            return Renderer.redirect(SiteURL.adminRequest(id).path)
        }
        router.get(.adminRequestAttachment(.key, sha: .key)) { _, context in
            let user = try requireUser(context)
            let (attachment, data) = try await requests.attachment(requestID: try context.parameters.require("id", as: Int.self),
                                                                   sha256: try context.parameters.require("sha"), by: user)
            let name = attachment.name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "file"
            return Response(status: .ok, headers: [
                .contentType: attachment.mediaType,
                .contentDisposition: "attachment; filename=\"file\"; filename*=UTF-8''\(name)",
                .cacheControl: "no-store",
            ], body: .init(byteBuffer: ByteBuffer(bytes: data)))
        }
        router.get(.adminRequestLetter(.key, format: .docx)) { _, context in try await letter(context, format: "docx") }
        router.get(.adminRequestLetter(.key, format: .pdf)) { _, context in try await letter(context, format: "pdf") }
    }

    private func letter(_ context: WebContext, format: String) async throws -> Response {
        let user = try requireUser(context)
        let stored = try await requests.view(id: try context.parameters.require("id", as: Int.self), by: user, channel: "答复书")
        return try await letters.download(stored, format: format)
    }

    func row(for stored: StoredRequest, agencyName: String, today: CivilDate) -> Row {
        let (state, _) = RequestWorkflow.replayLeniently(stored.request.events, calendar: calendar)
        let clock = stored.request.clock(calendar: calendar, today: today)
        let applicant = stored.request.applicant
        let counting = [.running, .overdue].contains(clock.status)
        return Row(id: stored.id, url: SiteURL.adminRequest(stored.id).path, code: stored.code, agencyName: agencyName, applicant: applicant.name,
                   document: "\(applicant.documentType.label) \(applicant.maskedDocumentNumber)", kind: applicant.kind.fullLabel,
                   status: state.phase.label, clock: clock.status.label, received: state.receivedOn?.description ?? "—",
                   due: clock.dueDate?.description ?? "—",
                   daysLeft: counting ? (clock.remainingWorkdays >= 0 ? "剩\(clock.remainingWorkdays)个工作日" : "已逾期\(-clock.remainingWorkdays)个工作日") : "—",
                   late: clock.isOverdue || clock.isDueSoon)
    }

    private func detail(_ stored: StoredRequest, context: WebContext, error: String? = nil,
                        status: HTTPResponse.Status = .ok) async throws -> Response {
        let today = renderer.config.clock.today
        let (state, _) = RequestWorkflow.replayLeniently(stored.request.events, calendar: calendar)
        let clock = stored.request.clock(calendar: calendar, today: today)
        let applicant = stored.request.applicant
        let departments = try await directory.departments(agencyID: stored.agencyID)
        var forms = Forms()
        switch state.phase {
        case .new: forms.receive = true
        case .registered, .processing:
            forms.assign = state.department == nil
            forms.clarify = state.clarification == nil
            forms.consult = true
            forms.extend = state.extensionGrant == nil
            forms.feeNotice = state.fee == nil
            forms.answer = true
        case .awaitingClarification: (forms.clarificationReceived, forms.clarificationExpired) = (true, true)
        case .consulting: forms.endConsultation = true
        case .awaitingFee: (forms.feePaid, forms.feeExpired, forms.answer) = (true, true, true)
        case .answered, .closed, .archived:
            forms.archive = state.phase != .archived
            forms.review = state.review == nil
            forms.reviewDecided = state.review.map { $0.decidedOn == nil } ?? false
            forms.litigation = state.litigation == nil
            forms.litigationDecided = state.litigation.map { $0.decidedOn == nil } ?? false
        }
        let files = try await requests.attachments(requestID: stored.id).map {
            AttachmentLink(url: SiteURL.adminRequestAttachment(.value(stored.id), sha: .value($0.sha256)).path, name: $0.name, size: "\(max(1, $0.size / 1024)) KB")
        }
        let view = DetailView(
            id: stored.id, eventsURL: SiteURL.adminRequestEvents(.value(stored.id)).path,
            letterDocxURL: SiteURL.adminRequestLetter(.value(stored.id), format: .docx).path,
            letterPDFURL: SiteURL.adminRequestLetter(.value(stored.id), format: .pdf).path, code: stored.code, agencyName: try await directory.agency(id: stored.agencyID)?.name ?? "",
            applicantName: applicant.name, kindLabel: applicant.kind.fullLabel, documentLabel: applicant.documentType.label,
            documentNumber: applicant.documentNumber, contact: applicant.contact, information: stored.request.requestedInformation,
            formRequirement: stored.request.formRequirement, delivery: stored.delivery, department: state.department ?? "未分办",
            phaseLabel: state.phase.label, clockLabel: clock.status.label, received: state.receivedOn?.description ?? "尚未登记",
            due: clock.dueDate?.description ?? "—", remaining: "\(clock.remainingWorkdays)",
            steps: clock.explanation.split(separator: "\n").map(String.init), segments: clock.segments.map(\.text), flags: clock.flags,
            events: stored.request.events.map(Self.eventRow), error: error, today: today.description, letterNumber: stored.letterNumber,
            canDownload: state.answer != nil && letters.isAvailable, forms: forms,
            departments: departments.map { Option(value: String($0.id), label: $0.name, selected: false) },
            channels: ReceiptChannel.allCases.map { Option(value: $0.rawValue, label: "\($0.label)：\($0.receiptRule)", selected: $0 == .online) },
            parties: ConsultationParty.allCases.map { Option(value: $0.rawValue, label: $0.label, selected: false) },
            outcomes: RequestOutcome.allCases.filter { !$0.isTermination }.map {
                Option(value: $0.rawValue, label: ($0.groupRowLabel) + ($0.itemRowLabel.map { " " + $0 } ?? ""), selected: false)
            },
            results: AppealResult.allCases.filter { $0 != .pending }.map { Option(value: $0.rawValue, label: $0.label, selected: false) },
            feeMethods: FeeMethod.allCases.map { Option(value: $0.rawValue, label: $0.label, selected: false) },
            fees: [FeeSchedule.perApplication(ordinal: 11).explanation, FeeSchedule.perVolume(pages: 31).explanation],
            attachments: files, hasAttachments: !files.isEmpty, hasFlags: !clock.flags.isEmpty)
        return renderer.render("request", title: "申请 \(stored.code)", content: view, context: context, status: status)
    }

    static func eventRow(_ event: RequestEvent) -> EventRow {
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
        return EventRow(date: event.date.description, label: event.kind.label, detail: detail)
    }

    /// The event a step form describes, with Chinese messages for what is missing.
    static func event(from form: FormData, departments: [AgencyDirectory.DepartmentRow]) throws -> (RequestEvent, Int?) {
        guard let type = RequestEventKind(rawValue: form.text("type")) else { throw RequestFailure.invalid(["未知的办理步骤"]) }
        guard let on = CivilDate(form.text("on")) else { throw RequestFailure.invalid(["日期应为 YYYY-MM-DD"]) }
        func number(_ key: String, _ what: String) throws -> Int {
            guard let value = Int(form.text(key)), value >= 0 else { throw RequestFailure.invalid(["请填写\(what)（整数）"]) }
            return value
        }
        func result() throws -> AppealResult {
            guard let value = AppealResult(rawValue: form.text("result")) else { throw RequestFailure.invalid(["请选择结果"]) }
            return value
        }
        switch type {
        case .received:
            guard let channel = ReceiptChannel(rawValue: form.text("channel")) else { throw RequestFailure.invalid(["请选择申请渠道"]) }
            return (.received(on: on, channel: channel), nil)
        case .assigned:
            guard let id = Int(form.text("department")), let department = departments.first(where: { $0.id == id }) else {
                throw RequestFailure.invalid(["请选择承办科室"])
            }
            return (.assigned(on: on, department: department.name), department.id)
        case .clarificationRequested:
            let items = form.text("items").split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            guard !items.isEmpty else { throw RequestFailure.invalid(["请逐项列明需要补正的事项（一次性告知，条例第三十条）"]) }
            let days = form.text("replyWorkdays").isEmpty ? RequestClock.defaultClarificationReplyWorkdays : try number("replyWorkdays", "补正期限")
            return (.clarificationRequested(on: on, items: items, replyWorkdays: days), nil)
        case .clarificationReceived: return (.clarificationReceived(on: on), nil)
        case .clarificationExpired: return (.clarificationExpired(on: on), nil)
        case .consultationStarted:
            guard let party = ConsultationParty(rawValue: form.text("party")) else { throw RequestFailure.invalid(["请选择征求意见对象"]) }
            return (.consultationStarted(on: on, party: party), nil)
        case .consultationEnded: return (.consultationEnded(on: on), nil)
        case .extended:
            return (.extended(on: on, workdays: try number("workdays", "延长的工作日数"), approver: form.text("approver")), nil)
        case .feeNoticed:
            guard let method = FeeMethod(rawValue: form.text("method")) else { throw RequestFailure.invalid(["请选择计收方式"]) }
            return (.feeNoticed(on: on, amount: try number("amount", "收费金额"), method: method), nil)
        case .feePaid: return (.feePaid(on: on), nil)
        case .feeExpired: return (.feeExpired(on: on), nil)
        case .answered:
            guard let outcome = RequestOutcome(rawValue: form.text("outcome")) else { throw RequestFailure.invalid(["请选择办理结果"]) }
            let basis = form.text("legalBasis"), text = form.text("answerText")
            return (.answered(on: on, outcome: outcome, legalBasis: basis.isEmpty ? nil : basis, text: text.isEmpty ? nil : text), nil)
        case .archived: return (.archived(on: on), nil)
        case .reviewFiled: return (.reviewFiled(on: on), nil)
        case .reviewDecided: return (.reviewDecided(on: on, result: try result()), nil)
        case .litigationFiled: return (.litigationFiled(on: on), nil)
        case .litigationDecided: return (.litigationDecided(on: on, result: try result()), nil)
        }
    }
}
