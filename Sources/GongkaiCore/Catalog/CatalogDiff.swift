/// What changed between two versions of an agency's catalog, item by item: unchanged, changed (which fields),
/// renamed or moved (matched by code, path or content, with the similarity of the match), added and removed.
/// Staff confirm or correct each match before a revision takes effect; records follow the matches.
public struct CatalogDiff: Codable, Sendable, Equatable {
    public enum Change: String, Codable, Sendable, CaseIterable {
        case unchanged, changed, renamed, moved, added, removed

        public var label: String {
            switch self {
            case .unchanged: "未变"
            case .changed: "内容变更"
            case .renamed: "更名"
            case .moved: "移动"
            case .added: "新增"
            case .removed: "删除"
            }
        }
    }

    /// How a pair of items was matched.
    public enum Match: String, Codable, Sendable {
        case path, code, content
    }

    public struct Entry: Codable, Sendable, Equatable {
        public var change: Change
        public var oldPath: [String]?
        public var newPath: [String]?
        public var oldCode: String?
        public var newCode: String?
        /// Chinese labels of the fields whose values differ (公开内容, 公开时限 …), for changed, renamed and moved items.
        public var changedFields: [String]
        /// 0–1: how alike the two items are (1 for a match by path with nothing changed); nil for added and removed.
        public var similarity: Double?
        public var matchedBy: Match?
        /// Positions of the two items in `Catalog.items` of the old and the new catalog.
        public var oldIndex: Int?
        public var newIndex: Int?

        public init(change: Change, oldPath: [String]?, newPath: [String]?, oldCode: String? = nil, newCode: String? = nil,
                    changedFields: [String] = [], similarity: Double? = nil, matchedBy: Match? = nil,
                    oldIndex: Int? = nil, newIndex: Int? = nil) {
            self.change = change
            self.oldPath = oldPath
            self.newPath = newPath
            self.oldCode = oldCode
            self.newCode = newCode
            self.changedFields = changedFields
            self.similarity = similarity
            self.matchedBy = matchedBy
            self.oldIndex = oldIndex
            self.newIndex = newIndex
        }
    }

    public var entries: [Entry]

    public init(entries: [Entry]) { self.entries = entries }

    /// Nothing but unchanged items: re-importing the same catalog.
    public var isEmpty: Bool { entries.allSatisfy { $0.change == .unchanged } }

    public func count(_ change: Change) -> Int { entries.filter { $0.change == change }.count }

    /// Below this similarity two items with different paths and codes are not taken as one item renamed or moved.
    public static let contentThreshold = 0.55

    public static func compute(from old: Catalog, to new: Catalog) -> CatalogDiff {
        let before = old.items, after = new.items
        var pairs: [(Int, Int, Match)] = []
        var usedOld = Set<Int>(), usedNew = Set<Int>()
        func pair(_ i: Int, _ j: Int, _ match: Match) {
            pairs.append((i, j, match))
            usedOld.insert(i)
            usedNew.insert(j)
        }
        // 1. Same path.
        var byPath: [[String]: [Int]] = [:]
        for (i, item) in before.enumerated() { byPath[item.path, default: []].append(i) }
        for (j, item) in after.enumerated() {
            if let i = byPath[item.path]?.first(where: { !usedOld.contains($0) }) { pair(i, j, .path) }
        }
        // 2. Same code (目录编码), where the catalog numbers its items.
        var byCode: [String: [Int]] = [:]
        for (i, item) in before.enumerated() where !usedOld.contains(i) {
            if let code = item.code, !code.isEmpty { byCode[code, default: []].append(i) }
        }
        for (j, item) in after.enumerated() where !usedNew.contains(j) {
            guard let code = item.code, let i = byCode[code]?.first(where: { !usedOld.contains($0) }) else { continue }
            pair(i, j, .code)
        }
        // 3. Alike in name and content: the most alike pairs first.
        var candidates: [(Double, Int, Int)] = []
        for (i, a) in before.enumerated() where !usedOld.contains(i) {
            for (j, b) in after.enumerated() where !usedNew.contains(j) {
                let score = similarity(a, b)
                if score >= contentThreshold { candidates.append((score, i, j)) }
            }
        }
        for (_, i, j) in candidates.sorted(by: { ($0.0, -$0.1) > ($1.0, -$1.1) })
            where !usedOld.contains(i) && !usedNew.contains(j) {
            pair(i, j, .content)
        }

        var entries: [(order: Double, entry: Entry)] = []
        for (i, j, match) in pairs {
            let a = before[i], b = after[j]
            let (change, fields) = classify(a, b)
            let score = fields.isEmpty && match == .path ? 1 : similarity(a, b)
            entries.append((Double(j), Entry(change: change, oldPath: a.path, newPath: b.path, oldCode: a.code, newCode: b.code,
                                             changedFields: fields, similarity: (score * 100).rounded() / 100, matchedBy: match,
                                             oldIndex: i, newIndex: j)))
        }
        for (j, b) in after.enumerated() where !usedNew.contains(j) {
            entries.append((Double(j), Entry(change: .added, oldPath: nil, newPath: b.path, newCode: b.code, newIndex: j)))
        }
        // A removed item is listed after the new item that followed it in the old catalog.
        for (i, a) in before.enumerated() where !usedOld.contains(i) {
            let next = pairs.filter { $0.0 > i }.map(\.1).min() ?? after.count
            entries.append((Double(next) - 0.5, Entry(change: .removed, oldPath: a.path, newPath: nil, oldCode: a.code, oldIndex: i)))
        }
        return CatalogDiff(entries: entries.sorted { $0.order < $1.order }.map(\.entry))
    }

    /// How an item changed from `a` to `b` (the same item in two versions): moved, renamed, changed or unchanged,
    /// with the fields whose values differ.
    public static func classify(_ a: PathedItem, _ b: PathedItem) -> (change: Change, fields: [String]) {
        let fields = changedFields(a.item, b.item)
        if a.path.dropLast() != b.path.dropLast() { return (.moved, fields) }
        if a.path.last != b.path.last { return (.renamed, fields) }
        return (fields.isEmpty ? .unchanged : .changed, fields)
    }

    /// The fields of two versions of an item whose values differ, by their Chinese labels.
    public static func changedFields(_ a: CatalogItem, _ b: CatalogItem) -> [String] {
        var fields: [String] = []
        if a.content != b.content { fields.append("公开内容") }
        if a.legalBasisText != b.legalBasisText { fields.append("公开依据") }
        if a.deadlineText != b.deadlineText { fields.append("公开时限") }
        if a.publisher != b.publisher { fields.append("公开主体") }
        if a.responsibleText != b.responsibleText || a.responsibleUnits != b.responsibleUnits { fields.append("责任科室") }
        if a.checkedChannelNames != b.checkedChannelNames { fields.append("公开渠道") }
        if a.audiences != b.audiences { fields.append("公开对象") }
        if a.modes != b.modes { fields.append("公开方式") }
        if a.stages != b.stages || a.stageText != b.stageText { fields.append("过程") }
        if a.tiers != b.tiers { fields.append("公开层级") }
        if a.updateFrequency != b.updateFrequency { fields.append("更新频率") }
        return fields
    }

    /// How alike two items are: their names and contents by shared character pairs, and whether their
    /// deadlines and publishers agree.
    public static func similarity(_ a: PathedItem, _ b: PathedItem) -> Double {
        let name = dice(a.path.last ?? "", b.path.last ?? "")
        let content = a.item.content.isEmpty && b.item.content.isEmpty ? name : dice(a.item.content, b.item.content)
        let deadline = a.item.deadlineText == b.item.deadlineText ? 1.0 : 0.0
        let publisher = a.item.publisher == b.item.publisher && a.item.responsibleText == b.item.responsibleText ? 1.0 : 0.0
        return 0.35 * name + 0.45 * content + 0.1 * deadline + 0.1 * publisher
    }

    /// Dice coefficient of the character pairs of two texts (white space ignored): 1 for equal texts.
    static func dice(_ x: String, _ y: String) -> Double {
        let a = Array(x.filter { !$0.isWhitespace }), b = Array(y.filter { !$0.isWhitespace })
        if a == b { return 1 }
        guard a.count > 1, b.count > 1 else { return a.isEmpty || b.isEmpty ? 0 : (a.first == b.first ? 0.5 : 0) }
        var pairs: [String: Int] = [:]
        for index in 0..<(a.count - 1) { pairs[String(a[index...index + 1]), default: 0] += 1 }
        var shared = 0
        for index in 0..<(b.count - 1) {
            let key = String(b[index...index + 1])
            if let count = pairs[key], count > 0 { pairs[key] = count - 1; shared += 1 }
        }
        return 2 * Double(shared) / Double(a.count - 1 + b.count - 1)
    }
}
