import Foundation
import GongkaiCore

/// The JSON form of a catalog (`gongkai show --json`, `gongkai export --format json`).
/// Documented in docs/catalog-json.md; fields are only ever added, never renamed.
public struct CatalogDocument: Codable, Sendable, Equatable {
    public struct Item: Codable, Sendable, Equatable {
        public var path: [String]
        public var code: String?
        public var content: String
        public var legalBasisText: String
        public var legalBases: [LegalBasis]
        public var deadlineText: String
        public var publisher: String
        public var responsible: [String]
        public var responsibleText: String
        public var channels: [String]
        public var channelMarks: [ChannelMark]
        public var channelText: String
        public var audiences: [String]
        public var modes: [String]
        public var stages: [String]
        public var stageText: String
        public var tiers: [String]
        public var updateFrequency: String
        public var remarks: String
        /// Fields the importer was unsure of (存疑), absent when it was sure of every field.
        public var doubts: [ItemDoubt]?
        public var source: Provenance
    }

    public var id: Int?
    public var title: String
    public var version: String?
    public var agency: Agency
    public var sourceFile: String
    public var itemCount: Int
    public var notes: [String]
    public var items: [Item]
    public var tree: [CatalogNode]

    public init(_ catalog: Catalog, id: Int? = nil) {
        self.id = id
        title = catalog.title
        version = catalog.version
        agency = catalog.agency
        sourceFile = catalog.sourceFile
        notes = catalog.notes
        items = catalog.items.map { pathed in
            let item = pathed.item
            return Item(path: pathed.path, code: pathed.code, content: item.content, legalBasisText: item.legalBasisText,
                        legalBases: item.legalBases, deadlineText: item.deadlineText, publisher: item.publisher,
                        responsible: item.responsibleUnits, responsibleText: item.responsibleText,
                        channels: item.checkedChannelNames, channelMarks: item.channels, channelText: item.channelText,
                        audiences: item.audiences.map(\.label), modes: item.modes.map(\.label), stages: item.stages.map(\.label),
                        stageText: item.stageText, tiers: item.tiers.map(\.label), updateFrequency: item.updateFrequency,
                        remarks: item.remarks, doubts: item.doubts, source: item.provenance)
        }
        itemCount = items.count
        tree = catalog.roots
    }

    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}
