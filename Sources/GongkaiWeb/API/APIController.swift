import Foundation
import GongkaiCore
import GongkaiStore
import Hummingbird

/// JSON API under /api/v1 for scripts (token auth: `Authorization: Bearer gk_…`); described in /openapi.json.
struct APIController {
    let catalogs: CatalogRepository
    let records: RecordRepository
    let requests: RequestRepository
    let calendar: WorkingCalendar
    let clock: SiteClock

    /// `GET /api/v1/requests/{id}`: the stored request (applicant data included, so the read is audited) with its
    /// state and clock at `at` (default today).
    struct RequestDetail: Encodable {
        var request: StoredRequest
        var listing: RequestListing
        var clockExplanation: String
        var segments: [String]
    }

    struct ReasonBody: Decodable {
        var reason: String?
        /// submit: the editor's acknowledgement; approve: the reviewer's reason for publishing personal data.
        var personalDataAcknowledgement: String?
        var personalDataOverride: String?
    }
    struct CreateBody: Decodable {
        var content: RecordContent
        var crossListedItemIDs: [Int]?
    }

    func addRoutes(to router: Router<WebContext>) {
        addCatalogRoutes(to: router)
        router.get(.apiCatalogs) { _, context in
            let user = try requireUser(context)
            return try Self.json(try await catalogs.list(agencyID: user.role == .systemAdmin ? nil : user.agencyID))
        }
        router.get(.apiItem(.key)) { _, context in
            let user = try requireUser(context)
            guard let item = try await records.itemContext(nodeID: try context.parameters.require("id", as: Int.self)) else { throw WebError.notFound("公开事项") }
            guard Permissions.canView(agencyID: item.agencyID, user) else { throw WebError.forbidden() }
            return try Self.json(item)
        }
        router.get(.apiItemRecords(.key)) { _, context in
            let user = try requireUser(context)
            let id = try context.parameters.require("id", as: Int.self)
            guard let item = try await records.itemContext(nodeID: id) else { throw WebError.notFound("公开事项") }
            guard Permissions.canView(agencyID: item.agencyID, user) else { throw WebError.forbidden() }
            return try Self.json(try await records.records(itemNodeID: id))
        }
        router.post(.apiItemRecords(.key)) { request, context in
            let user = try requireUser(context)
            let body = try await request.decode(as: CreateBody.self, context: context)
            let record = try await records.createDraft(by: user, itemNodeIDs: [try context.parameters.require("id", as: Int.self)] + (body.crossListedItemIDs ?? []),
                                                       content: body.content)
            return try Self.json(record, status: .created)
        }
        router.get(.apiRecord(.key)) { _, context in
            let user = try requireUser(context)
            guard let record = try await records.record(id: try context.parameters.require("id", as: Int.self)) else { throw WebError.notFound("信息") }
            guard Permissions.canView(agencyID: record.agencyID, user) else { throw WebError.forbidden() }
            return try Self.json(record)
        }
        router.get(.apiRequests) { request, context in
            let user = try requireUser(context)
            let query = request.uri.queryParameters
            var agencyID = user.role == .systemAdmin ? nil : user.agencyID
            if let text = query["agency"].map(String.init), !text.isEmpty {
                guard let id = Int(text) else { throw WebError.badRequest("机关编号无效。") }
                guard Permissions.canView(agencyID: id, user) else { throw WebError.forbidden("不能查看其他机关的申请。") }
                agencyID = id
            }
            guard agencyID != nil || user.role == .systemAdmin else { throw WebError.forbidden("账号未关联机关。") }
            let today = try day(query["at"].map(String.init))
            let rows = try await requests.all(agencyID: agencyID)
            return try Self.json(rows.map { RequestListing($0, calendar: calendar, today: today) })
        }
        router.get(.apiRequest(.key)) { request, context in
            let user = try requireUser(context)
            let stored = try await requests.view(id: try context.parameters.require("id", as: Int.self), by: user, channel: "api")
            let today = try day(request.uri.queryParameters["at"].map(String.init))
            let clock = stored.request.clock(calendar: calendar, today: today)
            return try Self.json(RequestDetail(request: stored, listing: RequestListing(stored, calendar: calendar, today: today),
                                               clockExplanation: clock.explanation, segments: clock.segments.map(\.text)))
        }
        router.post(.apiRequestEvents(.key)) { request, context in
            let user = try requireUser(context)
            let event: RequestEvent
            do {
                event = try await request.decode(as: RequestEvent.self, context: context)
            } catch {
                throw WebError.badRequest("事件格式不正确：应为 RequestEvent 的 JSON（见 /openapi.json）。")
            }
            let stored = try await requests.record(event, id: try context.parameters.require("id", as: Int.self), by: user, calendar: calendar)
            return try Self.json(RequestListing(stored, calendar: calendar, today: clock.today))
        }
        for action in [SiteURL.RecordAction.submit, .approve, .reject, .withdraw] {
            router.post(.apiRecordAction(.key, action)) { request, context in
                let user = try requireUser(context)
                let id = try context.parameters.require("id", as: Int.self)
                let body = try? await request.decode(as: ReasonBody.self, context: context)
                let reason = body?.reason ?? ""
                let record: Record = switch action {
                case .submit: try await records.submit(by: user, id: id, personalDataAcknowledgement: body?.personalDataAcknowledgement)
                case .approve: try await records.approve(by: user, id: id, personalDataOverride: body?.personalDataOverride)
                case .reject: try await records.reject(by: user, id: id, reason: reason)
                default: try await records.withdraw(by: user, id: id, reason: reason)
                }
                return try Self.json(record)
            }
        }
    }

    func day(_ text: String?) throws -> CivilDate {
        guard let text, !text.isEmpty else { return clock.today }
        guard let day = CivilDate(text) else { throw WebError.badRequest("日期应为 YYYY-MM-DD。") }
        return day
    }

    static func json<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        // Content-Disposition: a browser sent straight to an API URL downloads the JSON instead of rendering it.
        return Response(status: status, headers: [.contentType: "application/json; charset=utf-8", .contentDisposition: #"attachment; filename="api.json""#],
                        body: .init(byteBuffer: ByteBuffer(bytes: try encoder.encode(value))))
    }
}
