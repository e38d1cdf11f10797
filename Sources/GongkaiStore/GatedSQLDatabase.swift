import Logging
import NIOCore
import SQLKit

/// The shared SQLite connection as seen outside transactions. Each statement waits at the gate, so it never runs
/// inside another task's open transaction, where it would read uncommitted rows and a rollback would undo its
/// writes. A statement from the task that holds the gate (code inside a transaction that reached for
/// `database.sql`) runs at once, as part of that transaction, instead of waiting for itself.
struct GatedSQLDatabase: SQLDatabase {
    let base: any SQLDatabase
    let gate: SerialGate

    var logger: Logger { base.logger }
    var eventLoop: any EventLoop { base.eventLoop }
    var version: (any SQLDatabaseReportedVersion)? { base.version }
    var dialect: any SQLDialect { base.dialect }
    var queryLogLevel: Logger.Level? { base.queryLogLevel }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> ()) -> EventLoopFuture<Void> {
        eventLoop.makeFutureWithTask { try await self.execute(sql: query, onRow) }
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> ()) async throws {
        if SerialGate.heldByCurrentTask(gate) { return try await base.execute(sql: query, onRow) }
        try await gate.run { try await base.execute(sql: query, onRow) }
    }
}
