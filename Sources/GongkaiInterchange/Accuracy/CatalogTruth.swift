import Foundation

/// What a careful reader sees in a real catalog (`X.truth.json` beside `X.txt`; shared/catalogs/real/README.md).
public struct CatalogTruth: Decodable, Sendable {
    public struct Item: Decodable, Sendable {
        public var path: [String]
        public var content: String?
        public var basis: String?
        public var deadline: String?
        public var responsible: String?
        public var channels: [String]?
        public var audience: String?
        public var mode: String?
    }

    public var source: String?
    public var agency: String?
    public var items: [Item]

    public static func load(_ url: URL) throws -> CatalogTruth {
        try JSONDecoder().decode(CatalogTruth.self, from: Data(contentsOf: url))
    }
}
