/// How much of the database's connections is taken at this moment (shown on /metrics).
public struct ConnectionUse: Sendable, Equatable {
    /// SQLite: 1 while a transaction or a statement holds the one connection. PostgreSQL: leased pool connections.
    public var inUse: Int
    /// Tasks waiting for a connection: at the SQLite gate, or for a PostgreSQL lease.
    public var waiting: Int

    public init(inUse: Int = 0, waiting: Int = 0) {
        self.inUse = inUse
        self.waiting = waiting
    }
}
