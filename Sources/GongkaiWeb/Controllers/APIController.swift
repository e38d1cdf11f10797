import Foundation
import GongkaiCore
import GongkaiStore
import Hummingbird

/// JSON API under /api/v1 for scripts (token auth: `Authorization: Bearer gk_…`); described in /openapi.json.
struct APIController {
    let catalogs: CatalogRepository
    let records: RecordRepository

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
        let api = router.group("api/v1")
        api.get("catalogs") { _, context in
            let user = try requireUser(context)
            return try Self.json(try await catalogs.list(agencyID: user.role == .systemAdmin ? nil : user.agencyID))
        }
        api.get("items/:id") { _, context in
            let user = try requireUser(context)
            guard let item = try await records.itemContext(nodeID: try context.parameters.require("id", as: Int.self)) else { throw WebError.notFound("公开事项") }
            guard Permissions.canView(agencyID: item.agencyID, user) else { throw WebError.forbidden() }
            return try Self.json(item)
        }
        api.get("items/:id/records") { _, context in
            let user = try requireUser(context)
            let id = try context.parameters.require("id", as: Int.self)
            guard let item = try await records.itemContext(nodeID: id) else { throw WebError.notFound("公开事项") }
            guard Permissions.canView(agencyID: item.agencyID, user) else { throw WebError.forbidden() }
            return try Self.json(try await records.records(itemNodeID: id))
        }
        api.post("items/:id/records") { request, context in
            let user = try requireUser(context)
            let body = try await request.decode(as: CreateBody.self, context: context)
            let record = try await records.createDraft(by: user, itemNodeIDs: [try context.parameters.require("id", as: Int.self)] + (body.crossListedItemIDs ?? []),
                                                       content: body.content)
            return try Self.json(record, status: .created)
        }
        api.get("records/:id") { _, context in
            let user = try requireUser(context)
            guard let record = try await records.record(id: try context.parameters.require("id", as: Int.self)) else { throw WebError.notFound("信息") }
            guard Permissions.canView(agencyID: record.agencyID, user) else { throw WebError.forbidden() }
            return try Self.json(record)
        }
        for action in ["submit", "approve", "reject", "withdraw"] {
            api.post("records/:id/\(action)") { request, context in
                let user = try requireUser(context)
                let id = try context.parameters.require("id", as: Int.self)
                let body = try? await request.decode(as: ReasonBody.self, context: context)
                let reason = body?.reason ?? ""
                let record: Record = switch action {
                case "submit": try await records.submit(by: user, id: id, personalDataAcknowledgement: body?.personalDataAcknowledgement)
                case "approve": try await records.approve(by: user, id: id, personalDataOverride: body?.personalDataOverride)
                case "reject": try await records.reject(by: user, id: id, reason: reason)
                default: try await records.withdraw(by: user, id: id, reason: reason)
                }
                return try Self.json(record)
            }
        }
    }

    static func json<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return Response(status: status, headers: [.contentType: "application/json; charset=utf-8"],
                        body: .init(byteBuffer: ByteBuffer(bytes: try encoder.encode(value))))
    }
}
