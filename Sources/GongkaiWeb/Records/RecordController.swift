import Foundation
import GongkaiCore
import GongkaiInterchange
import GongkaiStore
import Hummingbird
import NIOFoundationCompat

/// Drafting, editing and the review workflow of records.
struct RecordController {
    let records: RecordRepository
    let attachments: AttachmentStore
    let renderer: Renderer

    func addRoutes(to router: Router<WebContext>) {
        router.get(.newRecord(item: .key)) { _, context in try await newForm(context) }
        router.post(.itemRecords(.key)) { request, context in try await create(request, context) }
        router.get(.adminRecord(.key)) { _, context in try await show(context) }
        router.post(.adminRecord(.key)) { request, context in try await update(request, context) }
        router.get(.adminRecordReview(.key)) { _, context in try await review(context) }
        router.get(.reviewQueue) { _, context in try await queue(context) }
        router.post(.adminRecordAttachments(.key)) { request, context in try await attach(request, context) }
        router.get(.adminRecordFile(.key, sha: .key)) { _, context in try await file(context) }
        for action in SiteURL.RecordAction.allCases {
            router.post(.adminRecordAction(.key, action)) { request, context in try await perform(action.rawValue, request, context) }
        }
    }

    private func newForm(_ context: WebContext) async throws -> Response {
        let user = try requireUser(context)
        let nodeID = try context.parameters.require("id", as: Int.self)
        guard let item = try await records.itemContext(nodeID: nodeID) else { throw WebError.notFound("公开事项") }
        guard Permissions.canDraft(itemAgencyID: item.agencyID, responsibleDepartmentIDs: item.responsibleDepartmentIDs, user) else {
            throw WebError.forbidden("“\(item.path.last ?? "")”的责任科室不包括您的科室，不能在此起草。")
        }
        let form = RecordFormModel(action: SiteURL.itemRecords(.value(nodeID)).path, itemPath: item.path.joined(separator: " › "),
                             content: RecordContent(title: "", issuer: item.item.publisher), errors: [], isNew: true)
        return renderer.render("record-form", title: "起草信息", content: form, context: context)
    }

    private func create(_ request: Request, _ context: WebContext) async throws -> Response {
        let user = try requireUser(context)
        let nodeID = try context.parameters.require("id", as: Int.self)
        let form = try await FormData.read(request, context: context)
        guard let item = try await records.itemContext(nodeID: nodeID) else { throw WebError.notFound("公开事项") }
        guard Permissions.canDraft(itemAgencyID: item.agencyID, responsibleDepartmentIDs: item.responsibleDepartmentIDs, user) else {
            throw WebError.forbidden("“\(item.path.last ?? "")”的责任科室不包括您的科室，不能在此起草。")
        }
        let (content, errors) = Self.content(from: form)
        if errors.isEmpty {
            do {
                let crossListed = form.text("crossList").split(whereSeparator: { ",，、 ".contains($0) }).compactMap { Int($0) }
                let record = try await records.createDraft(by: user, itemNodeIDs: [nodeID] + crossListed.filter { $0 != nodeID }, content: content)
                return Renderer.redirect(SiteURL.adminRecord(record.id).path)
            } catch RecordFailure.invalid(let problems) {
                return renderer.render("record-form", title: "起草信息", content: RecordFormModel(action: SiteURL.itemRecords(.value(nodeID)).path,
                    itemPath: item.path.joined(separator: " › "), content: content, errors: problems, isNew: true), context: context, status: .badRequest)
            }
        }
        return renderer.render("record-form", title: "起草信息", content: RecordFormModel(action: SiteURL.itemRecords(.value(nodeID)).path,
            itemPath: item.path.joined(separator: " › "), content: content, errors: errors, isNew: true), context: context, status: .badRequest)
    }

    private func load(_ context: WebContext) async throws -> (User, Record, ItemContext) {
        let user = try requireUser(context)
        let id = try context.parameters.require("id", as: Int.self)
        guard let record = try await records.record(id: id) else { throw WebError.notFound("信息") }
        guard Permissions.canView(agencyID: record.agencyID, user) else { throw WebError.forbidden("不能查看其他机关的信息。") }
        guard let item = try await records.itemContext(nodeID: record.itemNodeIDs[0]) else { throw WebError.notFound("公开事项") }
        return (user, record, item)
    }

    private func show(_ context: WebContext, errors: [String] = [], draft: RecordContent? = nil,
                      status: HTTPResponse.Status = .ok, flash: String? = nil) async throws -> Response {
        let (user, record, item) = try await load(context)
        let model = try await RecordPageModel.load(record: record, item: item, user: user, draft: draft, errors: errors,
                                                   records: records, attachments: attachments, now: renderer.config.clock.now())
        return renderer.render("record", title: record.content.title, content: model, context: context, status: status, flash: flash)
    }

    private func update(_ request: Request, _ context: WebContext) async throws -> Response {
        let (user, record, _) = try await load(context)
        let form = try await FormData.read(request, context: context)
        let (content, errors) = Self.content(from: form)
        guard errors.isEmpty else { return try await show(context, errors: errors, draft: content, status: .badRequest) }
        do {
            _ = try await records.update(by: user, id: record.id, content: content)
        } catch RecordFailure.invalid(let problems) {
            return try await show(context, errors: problems, draft: content, status: .badRequest)
        }
        return Renderer.redirect(SiteURL.adminRecord(record.id).path)
    }

    private func perform(_ action: String, _ request: Request, _ context: WebContext) async throws -> Response {
        let (user, record, _) = try await load(context)
        let form = try await FormData.read(request, context: context)
        switch action {
        case "submit":
            do {
                _ = try await records.submit(by: user, id: record.id, personalDataAcknowledgement: form["personalDataAcknowledgement"])
            } catch RecordFailure.personalData(let message) {
                return try await show(context, errors: [message], status: .badRequest)
            }
        case "approve":
            var publishAt: Date?
            if let text = form["publishAt"], !text.trimmed.isEmpty {
                guard let date = CivilDate(text.trimmed) else { throw WebError.badRequest("定时发布日期应写成 YYYY-MM-DD。") }
                publishAt = Date(timeIntervalSince1970: TimeInterval(date.dayNumber * 86_400 - 8 * 3600))
            }
            do {
                _ = try await records.approve(by: user, id: record.id, publishAt: publishAt, personalDataOverride: form["personalDataOverride"])
            } catch RecordFailure.personalData(let message) {
                return try await show(context, errors: [message], status: .badRequest)
            }
        case "reject": _ = try await records.reject(by: user, id: record.id, reason: form.text("reason"))
        case "revise": _ = try await records.revise(by: user, id: record.id)
        case "withdraw": _ = try await records.withdraw(by: user, id: record.id, reason: form.text("reason"))
        case "link":
            guard let other = Int(form.text("other")) else { throw WebError.badRequest("请填写要关联的信息编号。") }
            if form["role"] == "policy" {
                try await records.link(policy: other, interpretation: record.id, by: user)
            } else {
                try await records.link(policy: record.id, interpretation: other, by: user)
            }
        default: throw WebError.notFound()
        }
        return Renderer.redirect(SiteURL.adminRecord(record.id).path)
    }

    private func attach(_ request: Request, _ context: WebContext) async throws -> Response {
        let (user, record, _) = try await load(context)
        guard let boundary = Multipart.boundary(request.headers[.contentType]) else { throw WebError.badRequest("请用附件表单上传文件。") }
        let body = try await request.body.collect(upTo: context.maxUploadSize)
        guard let file = Multipart(Data(buffer: body), boundary: boundary).file("file") else { throw WebError.badRequest("没有选择文件。") }
        do {
            var text: String?
            if let type = AttachmentType.sniff([UInt8](file.data.prefix(65_536))) { text = await AttachmentText.extract(file.data, type: type) }
            _ = try await attachments.attach(file.data, name: file.filename ?? "附件", text: text, to: record.id, by: user)
        } catch let failure as AttachmentStore.Failure {
            // 507 Insufficient Storage when the server could not keep the file; 400 when the file itself is refused.
            let status: HTTPResponse.Status = if case .notStored = failure { .init(code: 507) } else { .badRequest }
            return try await show(context, errors: [failure.description], status: status)
        }
        return Renderer.redirect(SiteURL.adminRecord(record.id).path)
    }

    private func file(_ context: WebContext) async throws -> Response {
        let (_, record, _) = try await load(context)
        let sha = try context.parameters.require("sha")
        guard let attachment = try await attachments.attachments(recordID: record.id).first(where: { $0.sha256 == sha }),
              let data = try? Data(contentsOf: attachments.fileURL(sha)) else { throw WebError.notFound("附件") }
        return Self.download(attachment, data)
    }

    static func download(_ attachment: AttachmentStore.Attachment, _ data: Data) -> Response {
        let encoded = attachment.name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "file"
        return Response(status: .ok, headers: [.contentType: attachment.mediaType, .contentDisposition: "attachment; filename*=UTF-8''\(encoded)",
                                               .cacheControl: "private, max-age=3600"],
                        body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    private func review(_ context: WebContext) async throws -> Response {
        let (user, record, _) = try await load(context)
        let view = try await ReviewPageModel.load(record: record, user: user, records: records, now: renderer.config.clock.now())
        return renderer.render("review", title: "审核：\(record.content.title)", content: view, context: context)
    }

    private func queue(_ context: WebContext) async throws -> Response {
        let user = try requireUser(context)
        guard user.role != .editor else { throw WebError.forbidden("编辑没有审核权限。") }
        let list = try await records.records(agencyID: user.role == .systemAdmin ? nil : user.agencyID, status: .submitted)
        return renderer.render("queue", title: "待审核", content: QueuePageModel(records: list.map { RecordRowView($0) }), context: context)
    }

    // MARK: Form mapping

    static func content(from form: FormData) -> (RecordContent, [String]) {
        var errors: [String] = []
        func date(_ key: String, _ label: String) -> CivilDate? {
            let text = form.text(key)
            guard !text.isEmpty else { return nil }
            guard let date = CivilDate(text) else { errors.append("\(label)“\(text)”不是有效日期（YYYY-MM-DD）"); return nil }
            return date
        }
        let validity = Validity(rawValue: form.text("validity"))
        let content = RecordContent(title: form.text("title"), documentNumber: form.text("documentNumber"), issuer: form.text("issuer"),
                                    writtenDate: date("writtenDate", "成文日期"), triggerDate: date("triggerDate", "信息形成日期"),
                                    reportingPeriod: form.text("reportingPeriod"), topic: form.text("topic"), validity: validity,
                                    validityChangedOn: date("validityChangedOn", "失效/废止日期"), body: form["body"] ?? "",
                                    validUntil: date("validUntil", "有效期至"))
        return (content, errors + content.problems())
    }
}
