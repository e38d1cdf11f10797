import GongkaiCore

/// What the simulated year planted on purpose: the findings `gongkai check` must report, and nothing else.
struct DemoManifest: Codable, Sendable {
    struct Expected: Codable, Sendable, Hashable, Comparable {
        var kind: Finding.Kind
        var item: Int?
        var record: Int?
        var period: String?
        /// Why the generator planted it, in Chinese.
        var note: String

        /// The finding this expects, without the note.
        var key: String { "\(kind.rawValue)|\(item.map(String.init) ?? "-")|\(record.map(String.init) ?? "-")|\(period ?? "-")" }

        static func < (a: Self, b: Self) -> Bool { a.key < b.key }
    }

    var year: Int
    var at: CivilDate
    var records: Int
    var expected: [Expected]

    static func key(_ finding: Finding) -> String {
        "\(finding.kind.rawValue)|\(finding.itemID.map(String.init) ?? "-")|\(finding.recordID.map(String.init) ?? "-")|\(finding.period?.description ?? "-")"
    }
}
