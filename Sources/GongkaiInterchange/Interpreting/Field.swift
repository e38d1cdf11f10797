import GongkaiCore

/// The per-row values that a vertically merged cell can share with the rows below it.
enum Field: String, CaseIterable, Sendable {
    case content, legalBasis, deadline, publisher, responsible, channel, stage, audience, mode, tier,
         updateFrequency, remarks

    /// Position among all fields, for tables indexed by field.
    var index: Int { Self.allCases.firstIndex(of: self)! }

    var label: String {
        switch self {
        case .content: "公开内容"
        case .legalBasis: "公开依据"
        case .deadline: "公开时限"
        case .publisher: "公开主体"
        case .responsible: "责任主体"
        case .channel: "公开渠道"
        case .stage: "过程"
        case .audience: "公开对象"
        case .mode: "公开方式"
        case .tier: "公开层级"
        case .updateFrequency: "更新频率"
        case .remarks: "备注"
        }
    }

    init?(_ role: ColumnRole) {
        switch role {
        case .content: self = .content
        case .legalBasis: self = .legalBasis
        case .deadline: self = .deadline
        case .publisher: self = .publisher
        case .responsible: self = .responsible
        case .channel: self = .channel
        case .stageText, .stageFlag: self = .stage
        case .audienceText, .audienceFlag: self = .audience
        case .modeText, .modeFlag: self = .mode
        case .tierText, .tierFlag: self = .tier
        case .updateFrequency: self = .updateFrequency
        case .remarks, .unknown: self = .remarks
        case .sequence, .level, .code, .ignored: return nil
        }
    }
}

/// One table row after cleaning, before it becomes an item.
struct RowRecord {
    var first: Int
    var last: Int
    var pageBreakBefore = false
    var sequence = ""
    /// One entry per level column, nil where the cell is empty.
    var names: [NameCell?]
    var codeColumn: String?
    var values: [Field: String] = [:]
    /// Fields whose cell continues a merge from above (certain) or is covered by a span from the left.
    var mergedFromAbove: Set<Field> = []
    var spanned: Set<Field> = []
    /// Fields the reader is unsure of (存疑), with its reasons.
    var doubts: [ItemDoubt] = []

    var hasNames: Bool { names.contains { $0 != nil } }
    var deepestName: NameCell? { names.last { $0 != nil } ?? nil }
    var hasText: Bool { values.values.contains { !$0.isEmpty } }

    func value(_ field: Field) -> String { values[field] ?? "" }
}
