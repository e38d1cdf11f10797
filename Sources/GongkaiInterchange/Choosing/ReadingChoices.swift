/// How staff want a catalog table read, overriding the importer's own guesses: the role of some columns and
/// how many rows at the top of the table are its header. Columns are numbered from 1, as staff count them.
/// Columns not named keep the role the importer gives them. When a file holds several tables (a Word file
/// with one table per section), the same choices apply to each of them.
public struct ReadingChoices: Sendable, Equatable, Codable {
    /// Role by 1-based column number.
    public var columnRoles: [Int: ChosenRole]
    /// Exactly this many rows at the top of each table are header rows; nil keeps the importer's own reading.
    public var headerRows: Int?

    public init(columnRoles: [Int: ChosenRole] = [:], headerRows: Int? = nil) {
        self.columnRoles = columnRoles
        self.headerRows = headerRows
    }

    /// No choice made: the importer reads the file as it would by itself.
    public var isEmpty: Bool { columnRoles.isEmpty && headerRows == nil }
}

/// A role staff can give a column: the options of the select above each column of the import preview.
public enum ChosenRole: Hashable, Sendable, Codable {
    case sequence, code
    /// 一级 … 五级
    case level(Int)
    case content, legalBasis, deadline, publisher, responsible, channel
    case audience, mode, tier, stage
    case updateFrequency, remarks
    /// The column is left out of the catalog.
    case ignore

    /// Every role in the order the preview offers them.
    public static let allCases: [ChosenRole] = (1...5).map(ChosenRole.level) + [
        .content, .legalBasis, .deadline, .responsible, .channel, .audience, .mode, .tier,
        .sequence, .code, .publisher, .stage, .updateFrequency, .remarks, .ignore,
    ]

    /// The name staff use, in the CLI (`--columns '1=一级,5=时限'`) and the preview's select.
    public var name: String {
        switch self {
        case .sequence: "序号"
        case .code: "编码"
        case .level(let n): "\(["一", "二", "三", "四", "五"][min(max(n, 1), 5) - 1])级"
        case .content: "公开内容"
        case .legalBasis: "依据"
        case .deadline: "时限"
        case .publisher: "公开主体"
        case .responsible: "责任单位"
        case .channel: "渠道"
        case .audience: "对象"
        case .mode: "方式"
        case .tier: "层级"
        case .stage: "过程"
        case .updateFrequency: "更新频率"
        case .remarks: "备注"
        case .ignore: "忽略"
        }
    }

    /// Other spellings staff may type for the same role.
    var aliases: [String] {
        switch self {
        case .sequence: ["编号"]
        case .code: ["目录编码", "代码"]
        case .level: [name + "事项", name + "指标", name + "目录"]
        case .content: ["内容", "公开要素", "要素"]
        case .legalBasis: ["公开依据"]
        case .deadline: ["公开时限", "时间"]
        case .publisher: ["主体"]
        case .responsible: ["责任主体", "责任科室", "责任部门"]
        case .channel: ["公开渠道", "载体", "公开渠道和载体"]
        case .audience: ["公开对象"]
        case .mode: ["公开方式"]
        case .tier: ["公开层级"]
        case .stage: ["公开属性", "五公开"]
        case .updateFrequency: ["频率"]
        case .remarks: ["说明"]
        case .ignore: ["不导入"]
        }
    }

    /// Roles a table may give several columns: their texts are joined, or dropped.
    var mayRepeat: Bool { self == .content || self == .remarks || self == .ignore }

    /// The role a name or alias stands for.
    public init?(name: String) {
        let compact = name.filter { !$0.isWhitespace }
        guard let role = Self.allCases.first(where: { $0.name == compact || $0.aliases.contains(compact) }) else { return nil }
        self = role
    }
}

extension ChosenRole {
    /// Encoded as its name ("时限"), as a form posts it.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let name = try container.decode(String.self)
        guard let role = ChosenRole(name: name) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: ReadingChoices.ParseError.unknownRole(column: nil, name: name).description)
        }
        self = role
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(name)
    }
}
