import Foundation
import GongkaiStore
import GongkaiTestSupport
import Logging
import Testing

/// The job leader: one of several instances on one PostgreSQL leads; when it stops, another takes over. With
/// SQLite the process always leads.
@Suite struct JobLeaderTests {
    @Test func exactlyOneInstanceLeadsAndAnotherTakesOver() async throws {
        let scratch = try await TestDatabase.scratch(.postgresql)
        let first = try await scratch.open(), second = try await scratch.open()
        let logger = Logger(label: "gongkai.test")
        let a = try JobLeader(database: first, retry: .milliseconds(100), logger: logger)
        let b = try JobLeader(database: second, retry: .milliseconds(100), logger: logger)
        let runA = Task { await a.run() }
        let runB = Task { await b.run() }
        func leaders() async -> [Bool] { [await a.isLeader, await b.isLeader] }
        var state = await leaders()
        for _ in 0..<200 where !state.contains(true) {
            try await Task.sleep(for: .milliseconds(50))
            state = await leaders()
        }
        #expect(state.filter { $0 }.count == 1)
        // A few more rounds of retries change nothing: the follower cannot take the held lock.
        try await Task.sleep(for: .milliseconds(500))
        #expect(await leaders() == state)
        let (leaderTask, follower) = state[0] ? (runA, b) : (runB, a)
        leaderTask.cancel()
        await leaderTask.value
        var tookOver = false
        for _ in 0..<200 where !tookOver {
            try await Task.sleep(for: .milliseconds(50))
            tookOver = await follower.isLeader
        }
        #expect(tookOver)
        runA.cancel()
        runB.cancel()
        await runA.value
        await runB.value
        await first.close()
        await second.close()
        await scratch.dispose()
    }

    @Test func theSQLiteProcessAlwaysLeads() async throws {
        try await TestDatabase.with(.sqlite) { database in
            let leader = try JobLeader(database: database, logger: Logger(label: "gongkai.test"))
            #expect(await leader.isLeader)
        }
    }
}
