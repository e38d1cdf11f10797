import Foundation
import GongkaiCore
import SQLKit

/// Column mapping of `catalog_items`: plain texts as columns, parsed lists as JSON text.
enum ItemRows {
    static func insert(_ item: CatalogItem, nodeID: Int, into db: any SQLDatabase) async throws {
        try await db.insert(into: "catalog_items")
            .columns("node_id", "content", "legal_basis_text", "legal_bases", "deadline_text", "publisher",
                     "responsible_text", "responsible_units", "channel_text", "channels", "audiences", "modes",
                     "stage_text", "stages", "tiers", "update_frequency", "remarks", "source_file", "source_unit",
                     "first_line", "last_line", "deadline_rule", "doubts")
            .values(SQLBind(nodeID), SQLBind(item.content), SQLBind(item.legalBasisText), SQLBind(try JSONText.encode(item.legalBases)),
                    SQLBind(item.deadlineText), SQLBind(item.publisher), SQLBind(item.responsibleText),
                    SQLBind(try JSONText.encode(item.responsibleUnits)), SQLBind(item.channelText), SQLBind(try JSONText.encode(item.channels)),
                    SQLBind(try JSONText.encode(item.audiences)), SQLBind(try JSONText.encode(item.modes)), SQLBind(item.stageText),
                    SQLBind(try JSONText.encode(item.stages)), SQLBind(try JSONText.encode(item.tiers)), SQLBind(item.updateFrequency),
                    SQLBind(item.remarks), SQLBind(item.provenance.sourceFile), SQLBind(item.provenance.unit.rawValue),
                    SQLBind(item.provenance.first), SQLBind(item.provenance.last),
                    SQLBind(try item.deadlineRule.map(JSONText.encode) ?? ""),
                    SQLBind(try item.doubts.map(JSONText.encode) ?? ""))
            .run()
    }

    static func load(catalogID: Int, from db: any SQLDatabase) async throws -> [Int: CatalogItem] {
        let rows = try await db.raw("""
            SELECT i.* FROM catalog_items i JOIN catalog_nodes n ON n.id = i.node_id WHERE n.catalog_id = \(bind: catalogID)
            """).all()
        var items: [Int: CatalogItem] = [:]
        for row in rows {
            func text(_ column: String) throws -> String { try row.decode(column: column, as: String.self) }
            let provenance = Provenance(sourceFile: try text("source_file"),
                                        unit: SourceUnit(rawValue: try text("source_unit")) ?? .line,
                                        first: try row.decode(column: "first_line", as: Int.self),
                                        last: try row.decode(column: "last_line", as: Int.self))
            var item = CatalogItem(provenance: provenance)
            item.content = try text("content")
            item.legalBasisText = try text("legal_basis_text")
            item.legalBases = try JSONText.decode([LegalBasis].self, try text("legal_bases"))
            item.deadlineText = try text("deadline_text")
            item.publisher = try text("publisher")
            item.responsibleText = try text("responsible_text")
            item.responsibleUnits = try JSONText.decode([String].self, try text("responsible_units"))
            item.channelText = try text("channel_text")
            item.channels = try JSONText.decode([ChannelMark].self, try text("channels"))
            item.audiences = try JSONText.decode([Audience].self, try text("audiences"))
            item.modes = try JSONText.decode([Mode].self, try text("modes"))
            item.stageText = try text("stage_text")
            item.stages = try JSONText.decode([Stage].self, try text("stages"))
            item.tiers = try JSONText.decode([Tier].self, try text("tiers"))
            item.updateFrequency = try text("update_frequency")
            item.remarks = try text("remarks")
            let rule = try text("deadline_rule")
            item.deadlineRule = rule.isEmpty ? nil : try JSONText.decode(DeadlineRule.self, rule)
            let doubts = try text("doubts")
            item.doubts = doubts.isEmpty ? nil : try JSONText.decode([ItemDoubt].self, doubts)
            items[try row.decode(column: "node_id", as: Int.self)] = item
        }
        return items
    }
}

/// JSON stored in text columns, with sorted keys so equal values store equal text.
public enum JSONText {
    public static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    public static func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(text.utf8))
    }
}
