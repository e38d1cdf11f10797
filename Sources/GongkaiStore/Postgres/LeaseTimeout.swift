import PostgresNIO

/// While PostgreSQL is down the pool keeps reconnecting in the background, and a request for a connection would
/// wait for it. Instead, a request that gets no connection within `PostgresPool.leaseTimeout` fails with
/// `StoreError.unavailable` (the web answers 503), and so does every request after it at once, without waiting,
/// except one every `probeInterval` that tries again: when that one gets a connection, requests flow again.
/// Once leased, the work runs as long as it needs.
extension PostgresClient {
    func withConnection<T: Sendable>(leaseTimeout: Duration, breaker: AvailabilityBreaker, use: PoolUse,
                                     _ body: @escaping @Sendable (PostgresConnection) async throws -> T) async throws -> T {
        guard await breaker.admit() else { throw StoreError.unavailable }
        let leased = LeaseFlag()
        do {
            return try await withThrowingTaskGroup(of: T?.self) { group in
                group.addTask {
                    await use.waitBegan()
                    do {
                        return try await self.withConnection { connection in
                            await leased.set()
                            await use.leased()
                            await breaker.succeeded()
                            do {
                                let result = try await body(connection)
                                await use.released()
                                return result
                            } catch {
                                await use.released()
                                throw error
                            }
                        }
                    } catch {
                        if await !leased.isSet { await use.gaveUp() }
                        throw error
                    }
                }
                group.addTask {
                    try await Task.sleep(for: leaseTimeout)
                    if await leased.isSet { return nil }
                    throw StoreError.unavailable
                }
                while let result = try await group.next() {
                    if let result {
                        group.cancelAll()
                        return result
                    }
                }
                throw StoreError.unavailable
            }
        } catch {
            if GongkaiDatabase.isUnavailable(error) { await breaker.failed() }
            throw error
        }
    }
}

/// Whether requests may try the database: open after a failure to reach it, letting one request through every
/// `probeInterval`; closed again by any request that gets a connection.
actor AvailabilityBreaker {
    private let probeInterval: Duration
    private var nextProbe: ContinuousClock.Instant?

    init(probeInterval: Duration = .milliseconds(250)) { self.probeInterval = probeInterval }

    func admit() -> Bool {
        guard let nextProbe else { return true }
        guard ContinuousClock.now >= nextProbe else { return false }
        self.nextProbe = ContinuousClock.now + probeInterval
        return true
    }

    func failed() { nextProbe = ContinuousClock.now + probeInterval }
    func succeeded() { nextProbe = nil }
}

private actor LeaseFlag {
    private(set) var isSet = false
    func set() { isSet = true }
}
