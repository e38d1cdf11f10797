import Foundation
import Logging
import PostgresNIO

/// Which instance runs the scheduled jobs. With PostgreSQL, several instances share one database and exactly one of
/// them leads: the one holding a session-level advisory lock on a connection of its own (outside the pool). The
/// lock lives as long as that session, so when the leader dies (even by SIGKILL) PostgreSQL ends the session,
/// frees the lock, and another instance takes it at its next try. With SQLite the one process always leads.
public actor JobLeader {
    /// `host:pid`, shown in logs and /healthz.
    public nonisolated let instance: String
    public private(set) var isLeader: Bool
    /// When this instance last became (or stopped being) leader.
    public private(set) var changedAt = Date()
    private let configuration: PostgresConnection.Configuration?
    private let retry: Duration
    private let logger: Logger
    private var connection: PostgresConnection?

    /// The advisory lock key, distinct from the writers' transaction lock ("gongkajl").
    static let lockKey: Int64 = 0x676F_6E67_6B61_6A6C

    /// `retry`: how often a follower tries to take the lock and the leader checks that its session is alive; it
    /// bounds the takeover time after the leader dies.
    public init(database: GongkaiDatabase, retry: Duration = .seconds(1), logger: Logger) throws {
        instance = "\(ProcessInfo.processInfo.hostName):\(ProcessInfo.processInfo.processIdentifier)"
        configuration = try database.postgresURL.map { try PostgresLocation(url: $0).connectionConfiguration() }
        isLeader = configuration == nil
        self.retry = retry
        self.logger = logger
    }

    /// Holds or competes for leadership until the task is cancelled; then gives it up.
    public func run() async {
        guard let configuration else {
            logger.notice("job leader: this instance (SQLite, single process)", metadata: ["instance": "\(instance)"])
            while !Task.isCancelled { try? await Task.sleep(for: .seconds(3600)) }
            return
        }
        while !Task.isCancelled {
            do {
                if connection == nil {
                    connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: logger)
                }
                if isLeader {
                    _ = try await connection!.query("SELECT 1", logger: logger).collect()
                } else {
                    let rows = try await connection!.query("SELECT pg_try_advisory_lock(\(Self.lockKey)) AS got", logger: logger).collect()
                    if try rows.first?.decode(Bool.self) == true { change(to: true, reason: "took the advisory lock") }
                }
            } catch {
                if isLeader { change(to: false, reason: "lost the database session: \(String(reflecting: error))") }
                if let connection { try? await connection.close() }
                connection = nil
            }
            try? await Task.sleep(for: retry)
        }
        if let connection {
            try? await connection.close()
            self.connection = nil
        }
        if isLeader { change(to: false, reason: "stopping") }
    }

    private func change(to leader: Bool, reason: String) {
        isLeader = leader
        changedAt = Date()
        logger.notice(leader ? "job leader: this instance leads" : "job leader: this instance no longer leads",
                      metadata: ["instance": "\(instance)", "reason": "\(reason)"])
    }
}
