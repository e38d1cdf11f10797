import GongkaiCore

/// Field-by-field comparison of an imported catalog with its truth: right, wrong, missing, and silent errors
/// (wrong or missing without a 存疑 mark on that field of that item).
public struct ImportAccuracy: Codable, Sendable {
    public enum FieldName: String, Codable, Sendable, CaseIterable {
        case path, content, basis, deadline, responsible, channels, audience, mode

        /// Doubt labels (ItemDoubt.field) that cover this field.
        var doubtLabels: Set<String> {
            switch self {
            case .path: ["公开事项"]
            case .content: ["公开内容"]
            case .basis: ["公开依据"]
            case .deadline: ["公开时限"]
            case .responsible: ["公开主体", "责任主体"]
            case .channels: ["公开渠道", "公开渠道和载体"]
            case .audience: ["公开对象"]
            case .mode: ["公开方式"]
            }
        }
    }

    public struct Miss: Codable, Sendable {
        public var item: Int
        public var field: FieldName
        public var expected: String
        public var got: String
        public var doubted: Bool
    }

    public var truthItems = 0
    public var importedItems = 0
    /// Fields the truth gives a value, plus fields the importer filled where the truth has none.
    public var fields = 0
    public var right = 0
    public var wrong = 0
    public var missing = 0
    public var silent = 0
    public var doubts = 0
    public var misses: [Miss] = []

    public init() {}

    public mutating func add(_ other: ImportAccuracy) {
        truthItems += other.truthItems
        importedItems += other.importedItems
        fields += other.fields
        right += other.right
        wrong += other.wrong
        missing += other.missing
        silent += other.silent
        doubts += other.doubts
    }

    /// `sections`: whether the catalog's top level holds one node per table of the file (not a 公开事项 level,
    /// so left out of the paths compared).
    public static func compare(_ catalog: Catalog, with truth: CatalogTruth, sections: Bool = false) -> ImportAccuracy {
        var result = ImportAccuracy()
        let items = sections ? catalog.items.map { PathedItem(path: Array($0.path.dropFirst()), code: $0.code, item: $0.item) } : catalog.items
        result.truthItems = truth.items.count
        result.importedItems = items.count
        result.doubts = items.reduce(0) { $0 + ($1.item.doubts?.count ?? 0) }
        let pairs = match(truth.items, items)
        var matched = Set<Int>()
        for (index, expected) in truth.items.enumerated() {
            let got = pairs[index].map { items[$0] }
            if let position = pairs[index] { matched.insert(position) }
            let doubted = Set(got?.item.doubts?.map(\.field) ?? [])
            for field in FieldName.allCases {
                let want = value(of: field, in: expected)
                let have = got.map { value(of: field, in: $0) } ?? ""
                if want.isEmpty && have.isEmpty { continue }
                result.fields += 1
                if want == have { result.right += 1; continue }
                if have.isEmpty { result.missing += 1 } else { result.wrong += 1 }
                let isDoubted = !doubted.isDisjoint(with: field.doubtLabels)
                if !isDoubted { result.silent += 1 }
                result.misses.append(Miss(item: index + 1, field: field, expected: want, got: have, doubted: isDoubted))
            }
        }
        // Items the truth does not have: each is one wrong field (its path), silent unless doubted.
        for (position, extra) in items.enumerated() where !matched.contains(position) {
            result.fields += 1
            result.wrong += 1
            let isDoubted = extra.item.doubts?.contains { $0.field == "公开事项" } ?? false
            if !isDoubted { result.silent += 1 }
            result.misses.append(Miss(item: 0, field: .path, expected: "", got: extra.path.joined(separator: "/"), doubted: isDoubted))
        }
        return result
    }

    /// Text compared without white space: where a copy wrapped a cell is not what the catalog says.
    static func normalized(_ text: String?) -> String { (text ?? "").filter { !$0.isWhitespace } }

    static func value(of field: FieldName, in item: CatalogTruth.Item) -> String {
        switch field {
        case .path: item.path.map(normalized).joined(separator: "/")
        case .content: normalized(item.content)
        case .basis: normalized(item.basis)
        case .deadline: normalized(item.deadline)
        case .responsible: normalized(item.responsible)
        case .channels: (item.channels ?? []).map { canonicalChannel(normalized($0)) }.sorted().joined(separator: "、")
        case .audience: Audience.parse(item.audience ?? "").map(\.label).joined(separator: "、")
        case .mode: Mode.parse(item.mode ?? "").map(\.label).joined(separator: "、")
        }
    }

    static func value(of field: FieldName, in pathed: PathedItem) -> String {
        let item = pathed.item
        switch field {
        case .path: return pathed.path.map(normalized).joined(separator: "/")
        case .content: return normalized(item.content)
        case .basis: return normalized(item.legalBasisText)
        case .deadline: return normalized(item.deadlineText)
        case .responsible: return normalized(item.publisher.isEmpty ? item.responsibleText : item.publisher)
        case .channels: return item.channels.filter(\.checked).map { canonicalChannel(normalized($0.name)) }.sorted().joined(separator: "、")
        case .audience: return item.audiences.map(\.label).joined(separator: "、")
        case .mode: return item.modes.map(\.label).joined(separator: "、")
        }
    }

    /// A standard channel by its standard label, others as written.
    static func canonicalChannel(_ name: String) -> String { Channel.matching(name)?.label ?? name }

    /// Pairs truth items with imported items in order (an alignment that maximises agreeing fields), so one
    /// extra or lost row does not shift every row after it.
    static func match(_ truth: [CatalogTruth.Item], _ items: [PathedItem]) -> [Int?] {
        let n = truth.count, m = items.count
        var score = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
        func agreement(_ i: Int, _ j: Int) -> Int {
            FieldName.allCases.filter { field in
                let want = value(of: field, in: truth[i])
                return !want.isEmpty && want == value(of: field, in: items[j])
            }.count
        }
        var agree = [[Int]](repeating: [Int](repeating: 0, count: m), count: n)
        for i in 0..<n { for j in 0..<m { agree[i][j] = agreement(i, j) } }
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                score[i][j] = max(score[i + 1][j], score[i][j + 1], agree[i][j] > 0 ? score[i + 1][j + 1] + agree[i][j] : 0)
            }
        }
        var pairs = [Int?](repeating: nil, count: n)
        var i = 0, j = 0
        while i < n && j < m {
            if agree[i][j] > 0 && score[i][j] == score[i + 1][j + 1] + agree[i][j] { pairs[i] = j; i += 1; j += 1 }
            else if score[i][j] == score[i + 1][j] { i += 1 }
            else { j += 1 }
        }
        return pairs
    }
}
