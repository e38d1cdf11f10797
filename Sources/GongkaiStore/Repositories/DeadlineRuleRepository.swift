import GongkaiCore
import SQLKit

/// The parsed deadline rules stored with catalog items.
public struct DeadlineRuleRepository: Sendable {
    let database: GongkaiDatabase
    public init(_ database: GongkaiDatabase) { self.database = database }

    public struct Change: Codable, Sendable, Equatable {
        public var nodeId: Int
        public var text: String
        public var before: String?
        public var after: String
    }

    public struct Report: Codable, Sendable, Equatable {
        public var total: Int
        public var changed: [Change]
        public var kinds: [String: Int]
    }

    /// Re-parses every item's deadline text in one transaction and stores the rules that changed.
    public func reparseAll(using parse: @escaping @Sendable (String) -> DeadlineRule) async throws -> Report {
        try await database.transaction { db in
            let rows = try await db.select().columns("node_id", "deadline_text", "deadline_rule").from("catalog_items").orderBy("node_id").all()
            var changes: [Change] = []
            var kinds: [String: Int] = [:]
            for row in rows {
                let nodeID = try row.decode(column: "node_id", as: Int.self)
                let text = try row.decode(column: "deadline_text", as: String.self)
                let stored = try row.decode(column: "deadline_rule", as: String.self)
                let rule = parse(text)
                kinds[rule.kind.rawValue, default: 0] += 1
                let encoded = try JSONText.encode(rule)
                guard encoded != stored else { continue }
                let before = stored.isEmpty ? nil : try JSONText.decode(DeadlineRule.self, stored).kind.rawValue
                try await db.update("catalog_items").set("deadline_rule", to: encoded).where("node_id", .equal, nodeID).run()
                changes.append(Change(nodeId: nodeID, text: text, before: before, after: rule.kind.rawValue))
            }
            return Report(total: rows.count, changed: changes, kinds: kinds)
        }
    }
}
