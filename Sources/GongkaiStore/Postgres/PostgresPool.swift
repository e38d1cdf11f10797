import Foundation
import Logging
import NIOCore
import PostgresKit
import PostgresNIO
import SQLKit

/// A running PostgresClient (its connection pool) and the task that drives it.
final class PostgresPool: Sendable {
    let client: PostgresClient
    let breaker = AvailabilityBreaker()
    let use = PoolUse()
    private let runner: Task<Void, Never>

    init(configuration: PostgresClient.Configuration, logger: Logger) {
        let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        self.client = client
        runner = Task { await client.run() }
    }

    /// Every query through this leases a connection for its own duration, so consecutive queries may run on different
    /// connections (temporary tables and session settings do not carry over); `withSession` pins one connection.
    var sql: any SQLDatabase { PostgresPoolDatabase(client: client, breaker: breaker, use: use) }

    /// Writers are serialized by a transaction-scoped advisory lock, like SQLite's `BEGIN IMMEDIATE`: every change
    /// appends to the one hash-chained audit trail and draws 索引号 from counters, both read-then-write.
    static let writerLockKey: Int64 = 0x676F_6E67_6B61_6900  // "gongkai\0"

    /// How long a query waits for a pooled connection before failing with `StoreError.unavailable` (the database
    /// is down or every connection is busy for that long): 3 seconds, or `GONGKAI_PG_LEASE_TIMEOUT_SECONDS`. The test
    /// script raises it, since a hundred suites opening pools at once on 2 cores can keep a new connection waiting
    /// longer than a visitor should wait for a 503.
    static let leaseTimeout: Duration = .seconds(waitSeconds)

    /// The lease timeout, and the connect timeout of new connections, in seconds.
    static let waitSeconds: Int = {
        guard let seconds = ProcessInfo.processInfo.environment["GONGKAI_PG_LEASE_TIMEOUT_SECONDS"].flatMap(Int.init), seconds > 0 else {
            return 3
        }
        return seconds
    }()

    /// Runs `body` in one transaction on one leased connection.
    func transaction<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await client.withConnection(leaseTimeout: Self.leaseTimeout, breaker: breaker, use: use) { connection in
            let db = connection.sql()
            try await db.raw("BEGIN").run()
            do {
                try await db.raw("SELECT pg_advisory_xact_lock(\(literal: Self.writerLockKey))").run()
                let result = try await body(db)
                try await db.raw("COMMIT").run()
                return result
            } catch {
                try? await db.raw("ROLLBACK").run()
                throw error
            }
        }
    }

    func close() async {
        runner.cancel()
        await runner.value
    }
}

/// SQLKit's default `withSession` runs the closure on the database itself, which on a pool would not pin a
/// connection; this one leases one for the closure.
struct PostgresPoolDatabase: SQLDatabase {
    let client: PostgresClient
    let breaker: AvailabilityBreaker
    let use: PoolUse

    var logger: Logger { Logger(label: "gongkai.postgres") }
    var eventLoop: any EventLoop { PostgresClient.defaultEventLoopGroup.any() }
    var dialect: any SQLDialect { PostgresDialect() }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> ()) -> EventLoopFuture<Void> {
        eventLoop.makeFutureWithTask { try await self.execute(sql: query, onRow) }
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> ()) async throws {
        try await client.withConnection(leaseTimeout: PostgresPool.leaseTimeout, breaker: breaker, use: use) { connection in
            try await connection.sql().execute(sql: query, onRow)
        }
    }

    func withSession<R>(_ closure: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await client.withConnection { connection in
            try await closure(connection.sql())
        }
    }
}
