import Crypto
import Foundation
import GongkaiCore
import SQLKit

/// A disclosure request as stored: the core request (applicant, information, event log) plus what storage adds.
public struct StoredRequest: Codable, Sendable, Equatable {
    public var request: DisclosureRequest
    /// The applicant's tracking code (受理编号), unguessable; with the contact it proves who asks on /apply/status.
    public var code: String
    /// 获取信息的方式 (邮寄、电子邮件、当面领取 …), as the applicant chose.
    public var delivery: String
    public var departmentID: Int?
    /// 答复书 number, assigned when the request is answered.
    public var letterNumber: String?
    public var createdAt: String
    public var updatedAt: String

    public var id: Int { request.id }
    public var agencyID: Int { request.agencyID }
}

/// What the public form (or staff, for a paper application) submits.
public struct RequestSubmission: Sendable, Equatable {
    public var agencyID: Int
    public var applicant: ApplicantIdentity
    public var requestedInformation: String
    public var formRequirement: String
    public var delivery: String
    /// Files the applicant added (name, bytes): PDF, Word, Excel or images, at most `RequestRepository.maxAttachments`.
    public var attachments: [RequestFile]

    public init(agencyID: Int, applicant: ApplicantIdentity, requestedInformation: String, formRequirement: String, delivery: String,
                attachments: [RequestFile] = []) {
        self.attachments = attachments
        self.agencyID = agencyID
        self.applicant = applicant
        self.requestedInformation = requestedInformation
        self.formRequirement = formRequirement
        self.delivery = delivery
    }
}

/// A file uploaded with an application.
public struct RequestFile: Sendable, Equatable {
    public var name: String
    public var data: Data
    public init(name: String, data: Data) {
        self.name = name
        self.data = data
    }
}

public enum RequestFailure: Error, Equatable, CustomStringConvertible {
    case notFound
    case forbidden(String)
    case invalid([String])
    /// The workflow or clock refused the event (RequestWorkflow's Chinese message).
    case workflow(String)
    /// Too many submissions from one address.
    case rateLimited(Int)

    public var description: String {
        switch self {
        case .notFound: "没有找到该申请。"
        case .forbidden(let why): "无权操作：\(why)"
        case .invalid(let problems): problems.joined(separator: "；")
        case .workflow(let message): message
        case .rateLimited(let limit): "同一网络地址每小时最多提交\(limit)件申请，请稍后再试。"
        }
    }
}

/// Disclosure requests (依申请公开). Every change is one transaction with its audit entry; every staff view of
/// applicant data is audited (`request.viewed`, `request.listed`).
public struct RequestRepository: Sendable {
    public let database: GongkaiDatabase
    public init(_ database: GongkaiDatabase) { self.database = database }

    /// Submissions per address per hour on the public form.
    public static let submissionsPerHour = 5
    /// Attachments per application.
    public static let maxAttachments = 5

    /// The applicant's files of a request, in upload order. Staff only (see `attachment(requestID:sha256:by:)`).
    public func attachments(requestID: Int) async throws -> [AttachmentStore.Attachment] {
        try await database.sql.select().columns("sha256", "name", "media_type", "size").from("request_attachments")
            .where("request_id", .equal, requestID).orderBy("position").all().map {
                AttachmentStore.Attachment(sha256: try $0.decode(column: "sha256", as: String.self), name: try $0.decode(column: "name", as: String.self),
                                           mediaType: try $0.decode(column: "media_type", as: String.self),
                                           size: try $0.decode(column: "size", as: Int.self))
            }
    }

    /// One attachment's bytes for staff of the request's agency, audited as `request.attachmentViewed`.
    public func attachment(requestID: Int, sha256: String, by actor: User) async throws -> (AttachmentStore.Attachment, Data) {
        let stored = try await view(id: requestID, by: actor, channel: "附件")
        guard let attachment = try await attachments(requestID: stored.id).first(where: { $0.sha256 == sha256 }),
              let data = try? Data(contentsOf: AttachmentStore(database).fileURL(sha256)) else { throw RequestFailure.notFound }
        return (attachment, data)
    }

    /// Checks and writes the files (before the transaction that refers to them, like AttachmentStore).
    func storeFiles(_ files: [RequestFile]) throws -> [AttachmentStore.Attachment] {
        let files = files.filter { !$0.data.isEmpty }
        guard files.count <= Self.maxAttachments else { throw RequestFailure.invalid(["附件最多\(Self.maxAttachments)个"]) }
        var stored: [AttachmentStore.Attachment] = []
        for file in files {
            guard file.data.count <= AttachmentType.maxSize else { throw RequestFailure.invalid(["附件“\(file.name)”超过20MB"]) }
            guard let type = AttachmentType.sniff([UInt8](file.data.prefix(65_536))) else {
                throw RequestFailure.invalid(["附件“\(file.name)”的格式不支持：只能是 PDF、Word（.docx）、Excel（.xlsx）或 PNG/JPEG/GIF 图片"])
            }
            let hash = SHA256.hash(data: file.data).map { String(format: "%02x", $0) }.joined()
            do {
                try AttachmentStore.store(file.data, at: AttachmentStore(database).fileURL(hash))
            } catch let failure as AttachmentStore.Failure {
                throw RequestFailure.invalid([failure.description])
            }
            let name = String(file.name.trimmed.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last ?? "").prefix(200)
            stored.append(AttachmentStore.Attachment(sha256: hash, name: name.isEmpty ? "附件.\(type.fileExtension)" : String(name),
                                                     mediaType: type.mediaType, size: file.data.count))
        }
        return stored
    }

    // MARK: Codes

    /// Without 0/O, 1/I/L: easy to read out on the telephone.
    static let codeAlphabet = Array("23456789ABCDEFGHJKMNPQRSTUVWXYZ")

    /// `YYYY-` plus 12 characters from the system CSPRNG (about 59 bits).
    public static func newCode(year: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        let body = (0..<12).map { _ in String(codeAlphabet.randomElement(using: &generator)!) }.joined()
        return "\(year)-\(body)"
    }

    /// Contacts compared without spaces, hyphens and case.
    static func normalizedContact(_ contact: String) -> String {
        contact.lowercased().filter { !$0.isWhitespace && $0 != "-" }
    }

    // MARK: Reading

    public func request(id: Int) async throws -> StoredRequest? {
        try await Self.load(id: id, in: database.sql)
    }

    static func load(id: Int, in db: any SQLDatabase) async throws -> StoredRequest? {
        guard let row = try await db.select().column("*").from("disclosure_requests").where("id", .equal, id).first() else { return nil }
        return try decode(row)
    }

    static func decode(_ row: any SQLRow) throws -> StoredRequest {
        let request = DisclosureRequest(
            id: try row.decode(column: "id", as: Int.self), agencyID: try row.decode(column: "agency_id", as: Int.self),
            applicant: try JSONText.decode(ApplicantIdentity.self, try row.decode(column: "applicant", as: String.self)),
            requestedInformation: try row.decode(column: "requested_information", as: String.self),
            formRequirement: try row.decode(column: "form_requirement", as: String.self),
            events: try JSONText.decode([RequestEvent].self, try row.decode(column: "events", as: String.self)))
        return StoredRequest(request: request, code: try row.decode(column: "code", as: String.self),
                             delivery: try row.decode(column: "delivery", as: String.self),
                             departmentID: try row.decode(column: "department_id", as: Int?.self),
                             letterNumber: try row.decode(column: "letter_number", as: String?.self),
                             createdAt: try row.decode(column: "created_at", as: String.self),
                             updatedAt: try row.decode(column: "updated_at", as: String.self))
    }

    /// The applicant's proof: the tracking code and the contact given on the form. Nil for any mismatch.
    public func request(code: String, contact: String) async throws -> StoredRequest? {
        let code = code.trimmed.uppercased()
        guard !code.isEmpty, let row = try await database.sql.select().column("*").from("disclosure_requests")
            .where("code", .equal, code).first() else { return nil }
        let stored = try Self.decode(row)
        let given = Self.normalizedContact(contact)
        guard !given.isEmpty, given == Self.normalizedContact(stored.request.applicant.contact) else { return nil }
        return stored
    }

    /// Requests of one agency (or all), newest first; `phase` filters by the cached phase. Not audited: use
    /// `list(by:…)` for anything shown to a person.
    public func all(agencyID: Int?, phase: RequestState.Phase? = nil) async throws -> [StoredRequest] {
        var query = database.sql.select().column("*").from("disclosure_requests").orderBy("id", .descending)
        if let agencyID { query = query.where("agency_id", .equal, agencyID) }
        if let phase { query = query.where("phase", .equal, phase.rawValue) }
        return try await query.all().map(Self.decode)
    }

    /// The staff list (applicant names and kinds), audited as `request.listed` with the codes shown.
    public func list(by actor: User, agencyID: Int?, phase: RequestState.Phase? = nil, channel: String = "web") async throws -> [StoredRequest] {
        if let agencyID, !Permissions.canView(agencyID: agencyID, actor) { throw RequestFailure.forbidden("不能查看其他机关的申请。") }
        guard agencyID != nil || actor.role == .systemAdmin else { throw RequestFailure.forbidden("账号未关联机关。") }
        let rows = try await all(agencyID: agencyID, phase: phase)
        if !rows.isEmpty {
            try await database.transaction { db in
                try await AuditLog.append(actor: actor.username, action: "request.listed", objectType: "request", objectID: "",
                                          agencyID: agencyID, before: "",
                                          after: "\(channel)：" + rows.map(\.code).joined(separator: ","), in: db)
            }
        }
        return rows
    }

    /// One request with its applicant data for staff, audited as `request.viewed`.
    public func view(id: Int, by actor: User, channel: String = "web") async throws -> StoredRequest {
        try await database.transaction { db in
            guard let stored = try await Self.load(id: id, in: db) else { throw RequestFailure.notFound }
            guard Permissions.canView(agencyID: stored.agencyID, actor) else { throw RequestFailure.forbidden("不能查看其他机关的申请。") }
            try await AuditLog.append(actor: actor.username, action: "request.viewed", objectType: "request", objectID: String(id),
                                      agencyID: stored.agencyID, before: "", after: "\(channel)：\(stored.code)", in: db)
            return stored
        }
    }

    // MARK: Submitting

    /// Files an application from the public form: rate limit by `address`, then the request (phase 未登记, no event:
    /// staff register it with the date of receipt of 第三十一条). Audited without the document number.
    public func submit(_ submission: RequestSubmission, address: String, now: Date = Date(),
                       limit: Int = RequestRepository.submissionsPerHour) async throws -> StoredRequest {
        let draft = DisclosureRequest(id: 0, agencyID: submission.agencyID, applicant: submission.applicant,
                                      requestedInformation: submission.requestedInformation.trimmed,
                                      formRequirement: submission.formRequirement.trimmed)
        let problems = draft.problems()
        guard problems.isEmpty else { throw RequestFailure.invalid(problems) }
        let files = try storeFiles(submission.attachments)
        return try await database.transaction { db in
            let since = Timestamp.string(now.addingTimeInterval(-3600))
            let recent = try await db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("request_submissions")
                .where("address", .equal, address).where("at", .greaterThan, since).first(decodingColumn: "n", as: Int.self) ?? 0
            guard recent < limit else { throw RequestFailure.rateLimited(limit) }
            guard try await db.select().column("id").from("agencies").where("id", .equal, submission.agencyID).first() != nil else {
                throw RequestFailure.invalid(["请选择受理机关"])
            }
            try await db.insert(into: "request_submissions").columns("address", "at")
                .values(SQLBind(address), SQLBind(Timestamp.string(now))).run()
            let stamp = Timestamp.string(now)
            let year = CivilDate(localDate: now).year
            var code = Self.newCode(year: year)
            while try await db.select().column("id").from("disclosure_requests").where("code", .equal, code).first() != nil {
                code = Self.newCode(year: year)
            }
            var applicant = submission.applicant
            applicant.name = applicant.name.trimmed
            applicant.documentNumber = applicant.documentNumber.trimmed.uppercased()
            applicant.contact = applicant.contact.trimmed
            let id = try await db.insert(into: "disclosure_requests")
                .columns("agency_id", "code", "applicant", "applicant_name", "applicant_kind", "applicant_contact", "requested_information",
                         "form_requirement", "delivery", "events", "phase", "created_at", "updated_at")
                .values(SQLBind(submission.agencyID), SQLBind(code), SQLBind(try JSONText.encode(applicant)), SQLBind(applicant.name),
                        SQLBind(applicant.kind.rawValue), SQLBind(applicant.contact), SQLBind(draft.requestedInformation),
                        SQLBind(draft.formRequirement), SQLBind(submission.delivery.trimmed), SQLBind("[]"),
                        SQLBind(RequestState.Phase.new.rawValue), SQLBind(stamp), SQLBind(stamp))
                .returning("id").first(decodingColumn: "id", as: Int.self)!
            for (position, file) in files.enumerated() {
                try await db.insert(into: "request_attachments").columns("request_id", "sha256", "name", "media_type", "size", "position")
                    .values(SQLBind(id), SQLBind(file.sha256), SQLBind(file.name), SQLBind(file.mediaType), SQLBind(file.size), SQLBind(position))
                    .run()
            }
            try await AuditLog.append(actor: "申请人", action: "request.submitted", objectType: "request", objectID: String(id),
                                      agencyID: submission.agencyID, before: "",
                                      after: "\(code)｜\(applicant.kind.fullLabel)｜\(applicant.name)｜\(applicant.documentType.label) \(applicant.maskedDocumentNumber)｜\(draft.requestedInformation)" + (files.isEmpty ? "" : "｜附件：" + files.map(\.name).joined(separator: "、")),
                                      in: db)
            return try await Self.load(id: id, in: db)!
        }
    }

    // MARK: Events

    /// Appends `event` (checked by RequestWorkflow on `calendar`), refreshes the cached phase/received/due and writes
    /// `request.<event>` to the audit trail. `departmentID` goes with `.assigned`. Answering assigns the letter number.
    @discardableResult
    public func record(_ event: RequestEvent, id: Int, by actor: User, calendar: WorkingCalendar,
                       departmentID: Int? = nil) async throws -> StoredRequest {
        try await database.transaction { db in
            guard let stored = try await Self.load(id: id, in: db) else { throw RequestFailure.notFound }
            guard Permissions.canView(agencyID: stored.agencyID, actor) else { throw RequestFailure.forbidden("只能办理本机关的申请。") }
            if case .extended(_, _, let approver) = event, approver.trimmed.isEmpty {
                throw RequestFailure.invalid(["请填写批准延期的负责人（条例第三十三条第二款）"])
            }
            let next: DisclosureRequest
            do {
                next = try stored.request.recording(event, calendar: calendar)
            } catch let failure as RequestWorkflow.Failure {
                throw RequestFailure.workflow(failure.description)
            }
            try await Self.write(next, id: id, calendar: calendar, in: db)
            if case .assigned = event, let departmentID {
                try await db.update("disclosure_requests").set("department_id", to: departmentID).where("id", .equal, id).run()
            }
            if case .answered(let on, _, _, _) = event, stored.letterNumber == nil {
                let number = try await Self.nextLetterNumber(agencyID: stored.agencyID, year: on.year, in: db)
                try await db.update("disclosure_requests").set("letter_number", to: number).where("id", .equal, id).run()
            }
            try await AuditLog.append(actor: actor.username, action: "request.\(event.kind.rawValue)", objectType: "request",
                                      objectID: String(id), agencyID: stored.agencyID, before: "",
                                      after: try JSONText.encode(event), in: db)
            return try await Self.load(id: id, in: db)!
        }
    }

    /// The applicant's 补正 on /apply/status: proven by code and contact, only while 待补正. Records
    /// `clarificationReceived(on: today)` and replaces the description; the audit keeps the original.
    public func correct(code: String, contact: String, requestedInformation: String, today: CivilDate,
                        calendar: WorkingCalendar) async throws -> StoredRequest {
        let information = requestedInformation.trimmed
        guard !information.isEmpty else { throw RequestFailure.invalid(["请填写补正后的申请内容"]) }
        guard let found = try await request(code: code, contact: contact) else { throw RequestFailure.notFound }
        return try await database.transaction { db in
            guard let stored = try await Self.load(id: found.id, in: db) else { throw RequestFailure.notFound }
            guard (try? stored.request.state(calendar: calendar).phase) == .awaitingClarification else {
                throw RequestFailure.workflow("该申请目前不需要补正。")
            }
            var next: DisclosureRequest
            do {
                next = try stored.request.recording(.clarificationReceived(on: today), calendar: calendar)
            } catch let failure as RequestWorkflow.Failure {
                throw RequestFailure.workflow(failure.description)
            }
            next.requestedInformation = information
            try await Self.write(next, id: stored.id, calendar: calendar, in: db)
            try await AuditLog.append(actor: "申请人", action: "request.\(RequestEventKind.clarificationReceived.rawValue)",
                                      objectType: "request", objectID: String(stored.id), agencyID: stored.agencyID,
                                      before: stored.request.requestedInformation, after: information, in: db)
            return try await Self.load(id: stored.id, in: db)!
        }
    }

    static func write(_ request: DisclosureRequest, id: Int, calendar: WorkingCalendar, in db: any SQLDatabase) async throws {
        let cached = cache(request, calendar: calendar)
        try await db.update("disclosure_requests")
            .set("events", to: try JSONText.encode(request.events))
            .set("requested_information", to: request.requestedInformation)
            .set("phase", to: cached.phase).set("received", to: cached.received).set("due", to: cached.due)
            .set("updated_at", to: Timestamp.now())
            .where("id", .equal, id).run()
    }

    static func cache(_ request: DisclosureRequest, calendar: WorkingCalendar) -> (phase: String, received: String?, due: String?) {
        let (state, _) = RequestWorkflow.replayLeniently(request.events, calendar: calendar)
        let due = state.answer == nil && state.outcome == nil ? RequestClock.dueDate(of: state, calendar: calendar) : nil
        return (state.phase.rawValue, state.receivedOn?.description, due?.description)
    }

    /// Recomputes the cached phase, receipt and due date of every request, e.g. after the working calendar changed.
    /// Returns how many changed.
    @discardableResult
    public func refreshCache(calendar: WorkingCalendar) async throws -> Int {
        try await database.transaction { db in try await Self.refreshCache(calendar: calendar, in: db) }
    }

    @discardableResult
    static func refreshCache(calendar: WorkingCalendar, in db: any SQLDatabase) async throws -> Int {
        do {
            var changed = 0
            for row in try await db.select().columns("id", "events", "phase", "received", "due").from("disclosure_requests").all() {
                let events = try JSONText.decode([RequestEvent].self, try row.decode(column: "events", as: String.self))
                let probe = DisclosureRequest(id: 0, agencyID: 0, applicant: ApplicantIdentity(kind: .naturalPerson, name: "", documentType: .other,
                                                                                                documentNumber: "", contact: ""),
                                              requestedInformation: "", events: events)
                let cached = cache(probe, calendar: calendar)
                let old = (try row.decode(column: "phase", as: String.self), try row.decode(column: "received", as: String?.self),
                           try row.decode(column: "due", as: String?.self))
                guard old.0 != cached.phase || old.1 != cached.received || old.2 != cached.due else { continue }
                try await db.update("disclosure_requests").set("phase", to: cached.phase).set("received", to: cached.received)
                    .set("due", to: cached.due).where("id", .equal, try row.decode(column: "id", as: Int.self)).run()
                changed += 1
            }
            return changed
        }
    }

    /// `<简称>依申复〔YEAR〕N号`, N counting per agency and year.
    static func nextLetterNumber(agencyID: Int, year: Int, in db: any SQLDatabase) async throws -> String {
        let current = try await db.select().column("last").from("request_letter_counters").where("agency_id", .equal, agencyID)
            .where("year", .equal, year).first(decodingColumn: "last", as: Int.self)
        let next = (current ?? 0) + 1
        if current == nil {
            try await db.insert(into: "request_letter_counters").columns("agency_id", "year", "last")
                .values(SQLBind(agencyID), SQLBind(year), SQLBind(next)).run()
        } else {
            try await db.update("request_letter_counters").set("last", to: next).where("agency_id", .equal, agencyID)
                .where("year", .equal, year).run()
        }
        let name = try await db.select().column("name").from("agencies").where("id", .equal, agencyID)
            .first(decodingColumn: "name", as: String.self) ?? ""
        return "\(letterPrefix(agencyName: name))依申复〔\(year)〕\(next)号"
    }

    /// The agency's short name for letter numbers: 灌南县医疗保障局 → 灌南医保 (Assumption: agencies have no
    /// configured 发文字号 prefix yet; the common county-level abbreviation is used).
    public static func letterPrefix(agencyName: String) -> String {
        let kind = agencyName.contains("医疗保障") ? "医保" : ""
        // 淄博市医疗保障局沂源分局 → 沂源医保.
        if agencyName.hasSuffix("分局"), let end = agencyName.range(of: "局")?.upperBound, end < agencyName.index(agencyName.endIndex, offsetBy: -2) {
            return String(agencyName[end...].dropLast(2)) + kind
        }
        var name = agencyName
        for (long, short) in [("医疗保障局", "医保"), ("县", ""), ("区", ""), ("市", "")] where name.count > 2 {
            name = name.replacingOccurrences(of: long, with: short)
        }
        return name
    }
}
