import PostgresNIO

/// While PostgreSQL is down the pool keeps retrying in the background and a request for a connection would wait
/// for it; instead, a request that gets no connection within `PostgresPool.leaseTimeout` fails at once with
/// `StoreError.unavailable` (the web turns that into a 503 page). Once leased, the work runs as long as it needs.
extension PostgresClient {
    func withConnection<T: Sendable>(leaseTimeout: Duration,
                                     _ body: @escaping @Sendable (PostgresConnection) async throws -> T) async throws -> T {
        let leased = LeaseFlag()
        return try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask {
                try await self.withConnection { connection in
                    await leased.set()
                    return try await body(connection)
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
    }
}

private actor LeaseFlag {
    private(set) var isSet = false
    func set() { isSet = true }
}
