import Foundation
import GongkaiCore
import GongkaiStore
import Hummingbird
import NIOFoundationCompat

/// The public side of 依申请公开: the application form (/apply), the receipt with the tracking code, and the status
/// page (/apply/status) where the applicant — proven by code and contact — sees the clock, corrects (补正) and
/// downloads the response letter. Works without JavaScript; forms use a double-submit CSRF cookie.
struct ApplyController {
    let requests: RequestRepository
    let directory: AgencyDirectory
    let calendar: WorkingCalendar
    let letters: RequestLetters
    let renderer: Renderer
    let config: WebConfig

    static let formRequirements = ["纸质文本", "电子数据"]
    static let deliveries = ["邮寄", "电子邮件", "当面领取", "网上获取"]

    func addRoutes(to router: Router<WebContext>) {
        router.get(.apply) { request, context in
            // An agency's pages link here with ?agency=ID to choose it; nothing else is taken from the address.
            let agency = request.uri.queryParameters["agency"].flatMap { Int(String($0)) }
            return try await applyForm(request, context, fields: FormData(agency.map { "agency=\($0)" } ?? ""), errors: [])
        }
        router.post(.apply) { request, context in try await submit(request, context) }
        router.get(.applyStatus) { request, context in
            status(request, context, StatusView(csrf: "", error: nil, code: "", contact: "", found: nil, notice: nil))
        }
        router.post(.applyStatus) { request, context in
            let form = try await FormData.read(request, context: context)
            return try await lookup(request, context, code: form.text("code"), contact: form.text("contact"))
        }
        router.post(.applyCorrect) { request, context in
            let form = try await FormData.read(request, context: context)
            let (code, contact) = (form.text("code"), form.text("contact"))
            do {
                _ = try await requests.correct(code: code, contact: contact, requestedInformation: form.text("information"),
                                               today: renderer.config.clock.today, calendar: calendar)
            } catch let failure as RequestFailure {
                return try await lookup(request, context, code: code, contact: contact, error: failure.description, status: .badRequest)
            }
            return try await lookup(request, context, code: code, contact: contact, notice: "已收到您的补正，答复期限自今日起重新计算。")
        }
        router.post(.applyLetter) { request, context in
            let form = try await FormData.read(request, context: context)
            guard let stored = try await requests.request(code: form.text("code"), contact: form.text("contact")) else {
                throw WebError.notFound("申请")
            }
            return try await letters.download(stored, format: form.text("format"))
        }
    }

    // MARK: Form

    /// The session's token, else the visitor's public-form cookie (kept, so several open tabs stay valid), else a new one.
    private func publicToken(_ request: Request, _ context: WebContext) -> String {
        context.csrfToken ?? request.cookies[CSRFMiddleware.publicCookie]?.value ?? AccountRepository.randomToken()
    }

    private func withTokenCookie(_ response: Response, _ token: String, _ context: WebContext) -> Response {
        guard context.csrfToken == nil else { return response }
        var response = response
        response.setCookie(Cookie(name: CSRFMiddleware.publicCookie, value: token, maxAge: 86_400, path: "/", secure: config.secureCookies || context.forwardedHTTPS,
                                  httpOnly: true, sameSite: .lax))
        return response
    }

    private func applyForm(_ request: Request, _ context: WebContext, fields: FormData, errors: [String], status: HTTPResponse.Status = .ok) async throws -> Response {
        let token = publicToken(request, context)
        let view = try await ApplyView.load(csrf: token, fields: fields, errors: errors, directory: directory)
        let response = renderer.render("apply", title: "政府信息公开申请", content: view, context: context, status: status)
        return withTokenCookie(response, token, context)
    }

    /// The form's fields and files: multipart (with attachments) or URL-encoded.
    private func read(_ request: Request, _ context: WebContext) async throws -> (FormData, [RequestFile]) {
        let body = try await request.body.collect(upTo: context.maxUploadSize)
        guard let boundary = Multipart.boundary(request.headers[.contentType]) else { return (FormData(String(buffer: body)), []) }
        var values: [String: [String]] = [:], files: [RequestFile] = []
        for part in Multipart(Data(buffer: body), boundary: boundary).parts {
            if let filename = part.filename {
                if !part.data.isEmpty { files.append(RequestFile(name: filename, data: part.data)) }
            } else {
                values[part.name, default: []].append(String(decoding: part.data, as: UTF8.self))
            }
        }
        return (FormData(values: values), files)
    }

    private func submit(_ request: Request, _ context: WebContext) async throws -> Response {
        let (form, files) = try await read(request, context)
        let reselect = files.isEmpty ? [] : ["出于安全原因，浏览器不会保留已选择的附件，请重新选择附件"]
        var errors: [String] = []
        let agencyID = Int(form.text("agency"))
        if agencyID == nil { errors.append("请选择受理机关") }
        let kind = ApplicantKind(rawValue: form.text("kind")) ?? .naturalPerson
        let documentType = IdentityDocumentType(rawValue: form.text("documentType")) ?? .residentIDCard
        let submission = RequestSubmission(
            agencyID: agencyID ?? 0,
            applicant: ApplicantIdentity(kind: kind, name: form.text("name"), documentType: documentType,
                                         documentNumber: form.text("documentNumber"), contact: form.text("contact")),
            requestedInformation: form.text("information"), formRequirement: form.text("formRequirement"), delivery: form.text("delivery"),
            attachments: files)
        if !errors.isEmpty {
            errors += DisclosureRequest(id: 0, agencyID: 0, applicant: submission.applicant,
                                        requestedInformation: submission.requestedInformation).problems()
            return try await applyForm(request, context, fields: form, errors: errors + reselect, status: .badRequest)
        }
        let stored: StoredRequest
        do {
            stored = try await requests.submit(submission, address: context.remoteAddress.isEmpty ? "unknown" : context.remoteAddress)
        } catch let failure as RequestFailure {
            switch failure {
            case .invalid(let problems): return try await applyForm(request, context, fields: form, errors: problems + reselect, status: .badRequest)
            case .rateLimited:
                return try await applyForm(request, context, fields: form, errors: [failure.description] + reselect, status: .tooManyRequests)
            default: throw failure
            }
        }
        let agency = try await directory.agency(id: stored.agencyID)?.name ?? ""
        return renderer.render("apply-receipt", title: "申请已提交",
                               content: ReceiptView(code: stored.code, agencyName: agency, contact: stored.request.applicant.contact),
                               context: context)
    }

    // MARK: Status

    private func status(_ request: Request, _ context: WebContext, _ view: StatusView, status: HTTPResponse.Status = .ok) -> Response {
        var view = view
        view.csrf = publicToken(request, context)
        return withTokenCookie(renderer.render("apply-status", title: "申请办理进度", content: view, context: context, status: status),
                               view.csrf, context)
    }

    private func lookup(_ request: Request, _ context: WebContext, code: String, contact: String, error: String? = nil, notice: String? = nil,
                        status code_: HTTPResponse.Status = .ok) async throws -> Response {
        guard let stored = try await requests.request(code: code, contact: contact) else {
            return status(request, context, StatusView(csrf: "", error: "受理编号与联系方式不匹配，请核对后重试。", code: code, contact: contact,
                                              found: nil, notice: nil), status: .notFound)
        }
        let detail = try await StatusDetail.load(stored: stored, today: renderer.config.clock.today, calendar: calendar, directory: directory,
                                                 letters: letters)
        return status(request, context, StatusView(csrf: "", error: error, code: stored.code, contact: contact, found: detail, notice: notice),
                      status: code_)
    }
}
