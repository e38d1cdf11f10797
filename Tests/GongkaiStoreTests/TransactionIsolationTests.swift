import Foundation
@testable import GongkaiStore
import GongkaiTestSupport
import SQLKit
import Testing

/// Several tasks share one GongkaiDatabase (as the web server's requests do): their transactions must not
/// interleave, and a statement outside a transaction must not land inside another task's transaction (on SQLite
/// they share one connection).
@Suite struct TransactionIsolationTests {
    @Test(arguments: StoreBackend.allCases)
    func concurrentTransactionsAreSerialized(backend: StoreBackend) async throws {
        try await TestDatabase.with(backend) { database in
        try await database.sql.raw("CREATE TABLE counter (n INTEGER NOT NULL)").run()
        try await database.sql.raw("INSERT INTO counter (n) VALUES (0)").run()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<20 {
                group.addTask {
                    try await database.transaction { db in
                        let n = try await db.raw("SELECT n FROM counter").first()!.decode(column: "n", as: Int.self)
                        try await Task.sleep(for: .milliseconds(2))
                        try await db.raw("UPDATE counter SET n = \(bind: n + 1)").run()
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(try await database.sql.raw("SELECT n FROM counter").first()!.decode(column: "n", as: Int.self) == 20)
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func aWriteOutsideATransactionSurvivesAnotherTasksRollback(backend: StoreBackend) async throws {
        try await TestDatabase.with(backend) { database in
        try await database.sql.raw("CREATE TABLE notes (text TEXT NOT NULL)").run()
        struct Abort: Error {}
        // The transaction writes, lets the outside write run, then fails.
        let (inserted, insertedSignal) = AsyncStream.makeStream(of: Void.self)
        let (written, writtenSignal) = AsyncStream.makeStream(of: Void.self)
        let failing = Task {
            try await database.transaction { db in
                try await db.raw("INSERT INTO notes (text) VALUES ('rolled back')").run()
                insertedSignal.yield()
                for await _ in written { break }
                throw Abort()
            }
        }
        for await _ in inserted { break }
        let outside = Task { try await database.sql.raw("INSERT INTO notes (text) VALUES ('kept')").run() }
        // The outside write must wait for the transaction, so give it a moment to (wrongly) slip in first.
        try await Task.sleep(for: .milliseconds(20))
        writtenSignal.yield()
        await #expect(throws: Abort.self) { try await failing.value }
        try await outside.value
        let texts = try await database.sql.raw("SELECT text FROM notes").all().map { try $0.decode(column: "text", as: String.self) }
        #expect(texts == ["kept"])
        }
    }

    /// Code inside a transaction that uses `database.sql` joins its own transaction instead of waiting for itself.
    @Test func aStatementFromInsideTheTransactionDoesNotWaitForItself() async throws {
        try await TestDatabase.with(.sqlite) { database in
            try await database.sql.raw("CREATE TABLE notes (text TEXT NOT NULL)").run()
            try await database.transaction { db in
                try await db.raw("INSERT INTO notes (text) VALUES ('inside')").run()
                #expect(try await database.sql.raw("SELECT COUNT(*) AS n FROM notes").first()!.decode(column: "n", as: Int.self) == 1)
            }
        }
    }

    /// A transaction begun inside another fails at once instead of waiting for itself.
    @Test func aNestedTransactionFailsInsteadOfHanging() async throws {
        try await TestDatabase.with(.sqlite) { database in
            await #expect(throws: StoreError.nestedTransaction) {
                try await database.transaction { _ in try await database.transaction { _ in } }
            }
        }
    }
}
