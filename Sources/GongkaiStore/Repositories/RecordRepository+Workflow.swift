import Foundation
import GongkaiCore
import SQLKit

extension RecordRepository {
    /// Drafts a record under `itemNodeIDs[0]` (cross-listed under the rest).
    public func createDraft(by user: User, itemNodeIDs: [Int], content: RecordContent) async throws -> Record {
        guard !itemNodeIDs.isEmpty else { throw RecordFailure.invalid(["请选择所属公开事项"]) }
        let problems = content.problems()
        guard problems.isEmpty else { throw RecordFailure.invalid(problems) }
        return try await database.transaction { db in
            var contexts: [ItemContext] = []
            for node in itemNodeIDs {
                guard let context = try await Self.itemContext(nodeID: node, in: db) else { throw RecordFailure.notFound }
                contexts.append(context)
            }
            let main = contexts[0]
            guard Permissions.canDraft(itemAgencyID: main.agencyID, responsibleDepartmentIDs: main.responsibleDepartmentIDs, user) else {
                throw RecordFailure.forbidden("“\(main.path.last ?? "")”的责任科室不包括您的科室。")
            }
            guard contexts.allSatisfy({ $0.agencyID == main.agencyID }) else { throw RecordFailure.invalid(["只能在本机关的事项下交叉发布"]) }
            let inForce = try await CatalogRepository.currentVersion(agencyID: main.agencyID, in: db)?.id
            if let retired = contexts.first(where: { $0.catalogID != inForce }) {
                throw RecordFailure.invalid(["“\(retired.path.last ?? "")”不在现行目录中（属于已停用的版本或待审核的修订稿），请在现行目录的事项下发布"])
            }
            let now = Timestamp.now()
            let id = try await db.insert(into: "records")
                .columns("agency_id", "status", "version", "content", "title", "created_by", "updated_at")
                .values(SQLBind(main.agencyID), SQLBind(RecordStatus.draft.rawValue), SQLBind(1), SQLBind(try JSONText.encode(content)),
                        SQLBind(content.title), SQLBind(user.id), SQLBind(now))
                .returning("id").first(decodingColumn: "id", as: Int.self)!
            for (position, node) in itemNodeIDs.enumerated() {
                try await db.insert(into: "record_items").columns("record_id", "node_id", "position")
                    .values(SQLBind(id), SQLBind(node), SQLBind(position)).run()
            }
            try await Self.writeVersion(id: id, version: 1, content: content, status: .draft, by: user, in: db)
            try await ComplianceColumns.writeContent(recordID: id, content, in: db)
            let record = try await Self.record(id: id, in: db)!
            try await AuditLog.append(actor: user.username, action: "record.\(RecordEvent.created.rawValue)", objectType: "record",
                                      objectID: String(id), agencyID: main.agencyID, before: "", after: try JSONText.encode(record), in: db)
            return record
        }
    }

    public func update(by user: User, id: Int, content: RecordContent) async throws -> Record {
        let problems = content.problems()
        guard problems.isEmpty else { throw RecordFailure.invalid(problems) }
        return try await change(id, event: .edited, by: user) { record, db in
            let context = try await Self.itemContext(nodeID: record.itemNodeIDs[0], in: db)!
            guard Permissions.canEdit(record, responsibleDepartmentIDs: context.responsibleDepartmentIDs, user) else {
                throw RecordFailure.forbidden("只能修改本科室事项下的草稿或被退回的信息。")
            }
            try await db.update("records").set("content", to: try JSONText.encode(content)).set("title", to: content.title)
                .where("id", .equal, id).run()
            try await Self.writeVersion(id: id, version: record.version, content: content, status: record.status, by: user, in: db)
            // Until first publication the draft's dates are what the deadline counts from; afterwards the published version's.
            if record.publishedDate == nil { try await ComplianceColumns.writeContent(recordID: id, content, in: db) }
        }
    }

    /// Submits for review. Unmasked personal data stops the submission unless the editor acknowledges it
    /// (`personalDataAcknowledgement`), which is audited and leaves the decision to the reviewer.
    public func submit(by user: User, id: Int, personalDataAcknowledgement: String? = nil) async throws -> Record {
        try await change(id, event: .submitted, by: user) { record, db in
            let context = try await Self.itemContext(nodeID: record.itemNodeIDs[0], in: db)!
            guard Permissions.canEdit(record, responsibleDepartmentIDs: context.responsibleDepartmentIDs, user) else {
                throw RecordFailure.forbidden("只能提交本科室事项下的信息。")
            }
            _ = try await Self.guardPersonalData(record, stage: "acknowledged", override: personalDataAcknowledgement, by: user, in: db)
        }
    }

    /// Approves and publishes, now or at `publishAt`. The first publication issues the 索引号. Unmasked personal
    /// data blocks publication unless the reviewer gives a reason (`personalDataOverride`), which is audited.
    public func approve(by user: User, id: Int, publishAt: Date? = nil, now: Date = Date(),
                        personalDataOverride: String? = nil) async throws -> Record {
        let scheduled = publishAt.map { $0 > now } ?? false
        return try await change(id, event: scheduled ? .scheduled : .published, by: user) { record, db in
            guard Permissions.canReview(agencyID: record.agencyID, user) else { throw RecordFailure.forbidden("只有本机关的审核员或管理员可以审核。") }
            let personalData = try await Self.guardPersonalData(record, stage: "override", override: personalDataOverride, by: user, in: db)
            try await ComplianceColumns.write(record, personalData: personalData.kinds,
                                            override: personalData.isClean ? nil : personalDataOverride, in: db)
            let when = publishAt ?? now
            let date = CivilDate(localDate: when)
            if record.indexNumber == nil {
                let number = try await Self.issueIndexNumber(agencyID: record.agencyID, year: date.year, in: db)
                try await db.update("records").set("index_number", to: number).set("published_date", to: date.description)
                    .where("id", .equal, id).run()
            }
            try await db.update("records").set("published_version", to: record.version)
                .set("publish_at", to: Timestamp.string(when)).where("id", .equal, id).run()
        }
    }

    public func reject(by user: User, id: Int, reason: String) async throws -> Record {
        try await change(id, event: .rejected, by: user, reason: reason) { record, _ in
            guard Permissions.canReview(agencyID: record.agencyID, user) else { throw RecordFailure.forbidden("只有本机关的审核员或管理员可以退回。") }
        }
    }

    /// Starts a new version of a published record; the published version stays public until the new one is approved.
    public func revise(by user: User, id: Int) async throws -> Record {
        try await change(id, event: .revised, by: user) { record, db in
            let context = try await Self.itemContext(nodeID: record.itemNodeIDs[0], in: db)!
            guard Permissions.canDraft(itemAgencyID: record.agencyID, responsibleDepartmentIDs: context.responsibleDepartmentIDs, user) else {
                throw RecordFailure.forbidden("只能修订本科室事项下的信息。")
            }
            try await db.update("records").set("version", to: record.version + 1).where("id", .equal, id).run()
            try await Self.writeVersion(id: id, version: record.version + 1, content: record.content, status: .draft, by: user, in: db)
        }
    }

    public func withdraw(by user: User, id: Int, reason: String) async throws -> Record {
        try await change(id, event: .withdrawn, by: user, reason: reason) { record, _ in
            guard Permissions.canReview(agencyID: record.agencyID, user) else { throw RecordFailure.forbidden("只有本机关的审核员或管理员可以撤回。") }
        }
    }

    /// Links a policy and its 解读; the link is read in both directions.
    public func link(policy: Int, interpretation: Int, by user: User) async throws {
        try await database.transaction { db in
            guard let policyRecord = try await Self.record(id: policy, in: db), let reading = try await Self.record(id: interpretation, in: db) else {
                throw RecordFailure.notFound
            }
            guard policy != interpretation, policyRecord.agencyID == reading.agencyID else { throw RecordFailure.invalid(["只能关联本机关的另一条信息"]) }
            guard Permissions.canView(agencyID: policyRecord.agencyID, user), user.role != .reviewer else {
                throw RecordFailure.forbidden("无权关联该机关的信息。")
            }
            try await db.delete(from: "record_links").where("policy_id", .equal, policy).where("interpretation_id", .equal, interpretation).run()
            try await db.insert(into: "record_links").columns("policy_id", "interpretation_id").values(SQLBind(policy), SQLBind(interpretation)).run()
            try await AuditLog.append(actor: user.username, action: "record.linked", objectType: "record", objectID: String(policy),
                                      agencyID: policyRecord.agencyID, before: "", after: "解读 #\(interpretation)", in: db)
        }
    }

    // MARK: Internals

    /// Loads the record inside a transaction, applies the workflow event, runs `body`, records the audit entry.
    private func change(_ id: Int, event: RecordEvent, by user: User, reason: String? = nil,
                        _ body: @escaping @Sendable (Record, any SQLDatabase) async throws -> Void) async throws -> Record {
        try await database.transaction { db in
            guard let before = try await Self.record(id: id, in: db) else { throw RecordFailure.notFound }
            guard Permissions.canView(agencyID: before.agencyID, user) else { throw RecordFailure.forbidden("不能操作其他机关的信息。") }
            let status: RecordStatus
            do { status = try RecordWorkflow.apply(event, to: before.status, reason: reason) } catch let failure as RecordWorkflow.Failure {
                throw RecordFailure.workflow(failure)
            }
            try await body(before, db)
            try await db.update("records").set("status", to: status.rawValue).set("status_reason", to: reason)
                .set("updated_at", to: Timestamp.now()).where("id", .equal, id).run()
            try await db.update("record_versions").set("status", to: status.rawValue)
                .where("record_id", .equal, id).where("version", .equal, try await Self.record(id: id, in: db)!.version).run()
            if [.published, .scheduled, .withdrawn].contains(event) { try await SearchIndexer.reindex(recordID: id, in: db) }
            let after = try await Self.record(id: id, in: db)!
            try await AuditLog.append(actor: user.username, action: "record.\(event.rawValue)", objectType: "record", objectID: String(id),
                                      agencyID: after.agencyID, before: try JSONText.encode(before), after: try JSONText.encode(after), in: db)
            return after
        }
    }

    static func writeVersion(id: Int, version: Int, content: RecordContent, status: RecordStatus, by user: User,
                             in db: any SQLDatabase) async throws {
        try await db.delete(from: "record_versions").where("record_id", .equal, id).where("version", .equal, version).run()
        try await db.insert(into: "record_versions").columns("record_id", "version", "content", "status", "created_by", "created_at")
            .values(SQLBind(id), SQLBind(version), SQLBind(try JSONText.encode(content)), SQLBind(status.rawValue), SQLBind(user.id),
                    SQLBind(Timestamp.now()))
            .run()
    }

    /// The next serial of the agency's year; serials are never reused, even when a record is withdrawn.
    static func issueIndexNumber(agencyID: Int, year: Int, in db: any SQLDatabase) async throws -> String {
        guard let code = try await db.select().column("organisation_code").from("agencies").where("id", .equal, agencyID)
            .first(decodingColumn: "organisation_code", as: String?.self) ?? nil, !code.isEmpty else {
            throw RecordFailure.invalid(["本机关尚未设置统一社会信用代码，无法生成索引号；请管理员在“机关”页面填写"])
        }
        let last = try await db.select().column("last_serial").from("index_counters").where("agency_id", .equal, agencyID)
            .where("year", .equal, year).first(decodingColumn: "last_serial", as: Int.self)
        let serial = (last ?? 0) + 1
        if last == nil {
            try await db.insert(into: "index_counters").columns("agency_id", "year", "last_serial")
                .values(SQLBind(agencyID), SQLBind(year), SQLBind(serial)).run()
        } else {
            try await db.update("index_counters").set("last_serial", to: serial).where("agency_id", .equal, agencyID)
                .where("year", .equal, year).run()
        }
        return IndexNumber.make(organisationCode: code, year: year, serial: serial)
    }
}
