import Crypto
import Foundation
import GongkaiCore
import SQLKit

/// Staff accounts, their sessions and API tokens, and login throttling.
public struct AccountRepository: Sendable {
    let database: GongkaiDatabase
    let hasher: any PasswordHasher

    public init(_ database: GongkaiDatabase, hasher: any PasswordHasher) {
        self.database = database
        self.hasher = hasher
    }

    /// With bcrypt at `bcryptCost` (tests lower it to keep the suite fast).
    public init(_ database: GongkaiDatabase, bcryptCost: UInt8 = 12) {
        self.init(database, hasher: BcryptPasswordHasher(cost: bcryptCost))
    }

    public enum Failure: Error, Equatable, CustomStringConvertible {
        case usernameTaken(String)
        case weakPassword
        case invalid(String)
        case throttled

        public var description: String {
            switch self {
            case .usernameTaken(let name): "用户名“\(name)”已被使用。"
            case .weakPassword: "密码至少需要12个字符。"
            case .invalid(let message): message
            case .throttled: "登录失败次数过多，请15分钟后再试。"
            }
        }
    }

    /// OWASP ASVS 4.0 V2.1.1: at least 12 characters; no composition rules.
    public static let minimumPasswordLength = 12

    /// Failed logins per username within the window before further attempts are refused.
    public static let maxFailures = 5
    public static let failureWindow: TimeInterval = 15 * 60

    @discardableResult
    public func create(username: String, displayName: String, password: String, role: Role, agencyID: Int?,
                       departmentIDs: [Int] = [], actor: String) async throws -> User {
        let name = username.trimmed
        guard !name.isEmpty, name.count <= 64 else { throw Failure.invalid("用户名不能为空，且不超过64个字符。") }
        guard password.count >= Self.minimumPasswordLength else { throw Failure.weakPassword }
        guard role == .systemAdmin || agencyID != nil else { throw Failure.invalid("非系统管理员必须属于一个机关。") }
        if role == .editor && departmentIDs.isEmpty { throw Failure.invalid("编辑必须至少属于一个科室。") }
        let hash = hasher.hash(password)
        return try await database.transaction { db in
            if try await db.select().column("id").from("users").where("username", .equal, name).first() != nil {
                throw Failure.usernameTaken(name)
            }
            let id = try await db.insert(into: "users").columns("username", "display_name", "password_hash", "role", "agency_id", "created_at")
                .values(SQLBind(name), SQLBind(displayName.trimmed.isEmpty ? name : displayName.trimmed), SQLBind(hash),
                        SQLBind(role.rawValue), SQLBind(role == .systemAdmin ? nil : agencyID), SQLBind(Timestamp.now()))
                .returning("id").first(decodingColumn: "id", as: Int.self)!
            for department in departmentIDs {
                try await db.insert(into: "user_departments").columns("user_id", "department_id")
                    .values(SQLBind(id), SQLBind(department)).run()
            }
            let user = User(id: id, username: name, displayName: displayName, role: role, agencyID: agencyID, departmentIDs: departmentIDs)
            try await AuditLog.append(actor: actor, action: "user.created", objectType: "user", objectID: String(id), agencyID: agencyID,
                                      before: "", after: try JSONText.encode(user), in: db)
            return user
        }
    }

    public func user(id: Int) async throws -> User? {
        guard let row = try await database.sql.select().column("*").from("users").where("id", .equal, id).first() else { return nil }
        return try await user(from: row)
    }

    public func user(username: String) async throws -> User? {
        guard let row = try await database.sql.select().column("*").from("users").where("username", .equal, username).first() else { return nil }
        return try await user(from: row)
    }

    private func user(from row: any SQLRow) async throws -> User {
        let id = try row.decode(column: "id", as: Int.self)
        let departments = try await database.sql.select().column("department_id").from("user_departments")
            .where("user_id", .equal, id).orderBy("department_id").all(decodingColumn: "department_id", as: Int.self)
        return User(id: id, username: try row.decode(column: "username", as: String.self),
                    displayName: try row.decode(column: "display_name", as: String.self),
                    role: Role(rawValue: try row.decode(column: "role", as: String.self)) ?? .editor,
                    agencyID: try row.decode(column: "agency_id", as: Int?.self), departmentIDs: departments,
                    disabled: try row.decode(column: "disabled", as: Int.self) != 0)
    }

    public func users(agencyID: Int?) async throws -> [User] {
        var query = database.sql.select().column("*").from("users").orderBy("id")
        if let agencyID { query = query.where("agency_id", .equal, agencyID) }
        var result: [User] = []
        for row in try await query.all() { result.append(try await user(from: row)) }
        return result
    }

    public func count() async throws -> Int {
        try await database.sql.raw("SELECT COUNT(*) AS n FROM users").first()!.decode(column: "n", as: Int.self)
    }

    /// Checks a password, counting failures per username; throws `throttled` after too many recent failures.
    public func authenticate(username: String, password: String, now: Date = Date()) async throws -> User? {
        let since = Timestamp.string(now.addingTimeInterval(-Self.failureWindow))
        let failures = try await database.sql.raw("""
            SELECT COUNT(*) AS n FROM login_failures WHERE username = \(bind: username) AND at > \(bind: since)
            """).first()!.decode(column: "n", as: Int.self)
        guard failures < Self.maxFailures else { throw Failure.throttled }
        if let row = try await database.sql.select().column("*").from("users").where("username", .equal, username).first(),
           try row.decode(column: "disabled", as: Int.self) == 0,
           hasher.verify(password, hash: try row.decode(column: "password_hash", as: String.self)) {
            try await database.sql.delete(from: "login_failures").where("username", .equal, username).run()
            return try await user(from: row)
        }
        try await database.sql.insert(into: "login_failures").columns("username", "at")
            .values(SQLBind(username), SQLBind(Timestamp.string(now))).run()
        return nil
    }

    /// Disables or re-enables an account; a disabled account's sessions and tokens stop working at once.
    public func setDisabled(userID: Int, disabled: Bool, actor: String) async throws {
        try await database.transaction { db in
            guard let row = try await db.select().columns("agency_id", "disabled").from("users").where("id", .equal, userID).first() else {
                throw Failure.invalid("没有该账号。")
            }
            try await db.update("users").set("disabled", to: disabled ? 1 : 0).where("id", .equal, userID).run()
            if disabled { try await db.delete(from: "sessions").where("user_id", .equal, userID).run() }
            try await AuditLog.append(actor: actor, action: disabled ? "user.disabled" : "user.enabled", objectType: "user", objectID: String(userID),
                                      agencyID: try row.decode(column: "agency_id", as: Int?.self),
                                      before: String(try row.decode(column: "disabled", as: Int.self)), after: disabled ? "1" : "0", in: db)
        }
    }

    public func changePassword(userID: Int, current: String, new: String) async throws -> Bool {
        guard new.count >= Self.minimumPasswordLength else { throw Failure.weakPassword }
        guard let row = try await database.sql.select().column("*").from("users").where("id", .equal, userID).first(),
              hasher.verify(current, hash: try row.decode(column: "password_hash", as: String.self)) else { return false }
        let username = try row.decode(column: "username", as: String.self)
        let hash = hasher.hash(new)
        try await database.transaction { db in
            try await db.update("users").set("password_hash", to: hash).where("id", .equal, userID).run()
            try await db.delete(from: "sessions").where("user_id", .equal, userID).run()
            try await AuditLog.append(actor: username, action: "user.passwordChanged", objectType: "user", objectID: String(userID),
                                      agencyID: try row.decode(column: "agency_id", as: Int?.self), before: "", after: "", in: db)
        }
        return true
    }

    // MARK: Sessions and tokens

    public struct Session: Sendable, Equatable {
        public var user: User
        public var csrfToken: String
    }

    public static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }

    /// Starts a session; returns the cookie value (only its hash is stored).
    public func startSession(userID: Int, lifetime: TimeInterval = 8 * 3600) async throws -> String {
        let token = Self.randomToken()
        try await database.sql.insert(into: "sessions").columns("token_hash", "user_id", "csrf_token", "created_at", "expires_at")
            .values(SQLBind(AuditLog.sha256(token)), SQLBind(userID), SQLBind(Self.randomToken()), SQLBind(Timestamp.now()),
                    SQLBind(Timestamp.string(Date().addingTimeInterval(lifetime))))
            .run()
        return token
    }

    public func session(token: String) async throws -> Session? {
        guard let row = try await database.sql.select().columns("user_id", "csrf_token", "expires_at").from("sessions")
            .where("token_hash", .equal, AuditLog.sha256(token)).first() else { return nil }
        guard try row.decode(column: "expires_at", as: String.self) > Timestamp.now(),
              let user = try await user(id: try row.decode(column: "user_id", as: Int.self)), !user.disabled else { return nil }
        return Session(user: user, csrfToken: try row.decode(column: "csrf_token", as: String.self))
    }

    public func endSession(token: String) async throws {
        try await database.sql.delete(from: "sessions").where("token_hash", .equal, AuditLog.sha256(token)).run()
    }

    /// Creates an API token for scripts; the token is shown once and only its hash is stored.
    public func createAPIToken(userID: Int, name: String) async throws -> String {
        let token = "gk_" + Self.randomToken()
        try await database.sql.insert(into: "api_tokens").columns("token_hash", "user_id", "name", "created_at")
            .values(SQLBind(AuditLog.sha256(token)), SQLBind(userID), SQLBind(name), SQLBind(Timestamp.now())).run()
        return token
    }

    public func user(apiToken: String) async throws -> User? {
        guard let id = try await database.sql.select().column("user_id").from("api_tokens")
            .where("token_hash", .equal, AuditLog.sha256(apiToken)).first(decodingColumn: "user_id", as: Int.self) else { return nil }
        guard let user = try await user(id: id), !user.disabled else { return nil }
        return user
    }
}
