/// Lets one task at a time through, in arrival order. SQLite transactions share the one connection, so two
/// concurrent ones would otherwise interleave their statements (and the second BEGIN would fail); statements
/// outside transactions pass through it too (GatedSQLDatabase).
actor SerialGate {
    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    /// The gates the current task is inside, so that it can tell its own transaction from another task's.
    @TaskLocal private static var held: [ObjectIdentifier] = []

    nonisolated static func heldByCurrentTask(_ gate: SerialGate) -> Bool { held.contains(ObjectIdentifier(gate)) }

    var use: ConnectionUse { ConnectionUse(inUse: busy ? 1 : 0, waiting: waiting.count) }

    /// Runs `body` alone: no other `run` of this gate is in progress meanwhile.
    nonisolated func run<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        await enter()
        do {
            let result = try await Self.$held.withValue(Self.held + [ObjectIdentifier(self)]) { try await body() }
            await leave()
            return result
        } catch {
            await leave()
            throw error
        }
    }

    private func enter() async {
        guard busy else {
            busy = true
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    private func leave() {
        if waiting.isEmpty {
            busy = false
        } else {
            waiting.removeFirst().resume()
        }
    }
}
