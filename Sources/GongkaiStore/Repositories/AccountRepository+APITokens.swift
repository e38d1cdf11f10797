import Foundation
import GongkaiCore
import SQLKit

/// API tokens for scripts and other systems: each person manages their own. A token is shown once; only its hash
/// is stored, and lists show a short fingerprint of that hash. Creating and revoking are audited.
extension AccountRepository {
    public struct APITokenRow: Sendable, Equatable {
        public var fingerprint: String
        public var name: String
        public var createdAt: String
    }

    public func apiTokens(userID: Int) async throws -> [APITokenRow] {
        try await database.sql.select().columns("token_hash", "name", "created_at").from("api_tokens").where("user_id", .equal, userID)
            .orderBy("created_at", .descending).all().map {
                APITokenRow(fingerprint: String(try $0.decode(column: "token_hash", as: String.self).prefix(12)),
                            name: try $0.decode(column: "name", as: String.self), createdAt: try $0.decode(column: "created_at", as: String.self))
            }
    }

    /// Creates a token for `user` and returns it (the only time it can be seen).
    public func issueAPIToken(for user: User, name: String) async throws -> String {
        let label = name.trimmed
        guard !label.isEmpty, label.count <= 60 else { throw Failure.invalid("请填写令牌用途（不超过60字），如“年报统计脚本”。") }
        let token = "gk_" + Self.randomToken()
        let hash = AuditLog.sha256(token)
        try await database.transaction { db in
            try await db.insert(into: "api_tokens").columns("token_hash", "user_id", "name", "created_at")
                .values(SQLBind(hash), SQLBind(user.id), SQLBind(label), SQLBind(Timestamp.now())).run()
            try await AuditLog.append(actor: user.username, action: "api_token.created", objectType: "user", objectID: String(user.id),
                                      agencyID: user.agencyID, before: "", after: "\(label)（\(hash.prefix(12))）", in: db)
        }
        return token
    }

    /// Revokes one of `user`'s tokens by its fingerprint; false when there is no such token.
    @discardableResult
    public func revokeAPIToken(fingerprint: String, of user: User) async throws -> Bool {
        guard fingerprint.count == 12, fingerprint.allSatisfy(\.isHexDigit) else { return false }
        return try await database.transaction { db in
            let rows = try await db.select().columns("token_hash", "name").from("api_tokens").where("user_id", .equal, user.id).all()
            guard let row = try rows.first(where: { try $0.decode(column: "token_hash", as: String.self).hasPrefix(fingerprint) }) else { return false }
            let hash = try row.decode(column: "token_hash", as: String.self)
            try await db.delete(from: "api_tokens").where("token_hash", .equal, hash).run()
            try await AuditLog.append(actor: user.username, action: "api_token.revoked", objectType: "user", objectID: String(user.id),
                                      agencyID: user.agencyID, before: "\(try row.decode(column: "name", as: String.self))（\(fingerprint)）",
                                      after: "", in: db)
            return true
        }
    }
}
