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
            let view = try await ListView.load(user: user, agencyID: agencyID, phase: phase, today: renderer.config.clock.today,
                                               calendar: calendar, requests: requests, directory: directory)
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

    private func detail(_ stored: StoredRequest, context: WebContext, error: String? = nil,
                        status: HTTPResponse.Status = .ok) async throws -> Response {
        let view = try await DetailView.load(stored: stored, error: error, today: renderer.config.clock.today, calendar: calendar,
                                             requests: requests, directory: directory, letters: letters)
        return renderer.render("request", title: "申请 \(stored.code)", content: view, context: context, status: status)
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
