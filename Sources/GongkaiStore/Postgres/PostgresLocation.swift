import Foundation
import NIOSSL
import PostgresKit
import PostgresNIO

/// A `postgres://user:password@host:port/database` URL (also `postgresql://`, `?sslmode=disable|prefer|require`),
/// turned into a PostgresClient configuration.
struct PostgresLocation: Sendable {
    let url: String

    static func isPostgres(_ location: String) -> Bool {
        let lowered = location.lowercased()
        return ["postgres://", "postgresql://", "postgres+tcp://", "postgresql+tcp://", "postgres+uds://", "postgresql+uds://"]
            .contains { lowered.hasPrefix($0) }
    }

    /// The URL with its password replaced, for messages and logs.
    var redacted: String {
        guard var components = URLComponents(string: url), components.password != nil else { return url }
        components.password = "***"
        return components.string ?? url
    }

    func connectionConfiguration() throws -> PostgresConnection.Configuration {
        do {
            return try SQLPostgresConfiguration(url: url).coreConfiguration
        } catch {
            throw StoreError.cannotOpen(redacted, "连接地址格式应为 postgres://用户名:密码@主机:端口/数据库名")
        }
    }

    func clientConfiguration() throws -> PostgresClient.Configuration {
        let core = try connectionConfiguration()
        var configuration: PostgresClient.Configuration
        if let socket = core.unixSocketPath {
            configuration = .init(unixSocketPath: socket, username: core.username, password: core.password, database: core.database)
        } else {
            let tls: PostgresClient.Configuration.TLS = core.tls.isEnforced ? .require(.makeClientConfiguration())
                : core.tls.isAllowed ? .prefer(.makeClientConfiguration()) : .disable
            configuration = .init(host: core.host ?? "localhost", port: core.port ?? 5432, username: core.username,
                                  password: core.password, database: core.database, tls: tls)
        }
        configuration.options.connectTimeout = .seconds(Int64(PostgresPool.waitSeconds))
        return configuration
    }
}

/// A readable reason for a failure: PSQLError's own description is deliberately generic; other errors describe themselves.
enum PostgresErrorText {
    static func describe(_ error: any Error) -> String {
        guard let error = error as? PSQLError else { return "\(error)" }
        if let message = error.serverInfo?[.message] { return message }
        if let underlying = error.underlying { return "\(underlying)" }
        return "\(error.code)"
    }
}
