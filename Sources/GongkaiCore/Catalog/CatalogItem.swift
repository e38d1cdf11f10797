/// The obligations of one disclosure item (公开事项): what, why, by when, by whom, where, for whom, how.
/// Raw texts are kept next to every parsed value so nothing in the source is lost.
public struct CatalogItem: Codable, Sendable, Equatable {
    /// 公开内容（要素）/ 维护内容及要求
    public var content: String = ""
    /// 公开依据, as written.
    public var legalBasisText: String = ""
    public var legalBases: [LegalBasis] = []
    /// 公开时限 / 时限要求, as written; the deadline rule is parsed from it.
    public var deadlineText: String = ""
    /// The rule parsed from `deadlineText` (re-parsed by `gongkai reparse` after parser improvements).
    public var deadlineRule: DeadlineRule?
    /// 公开主体
    public var publisher: String = ""
    /// 责任主体 / 责任科室（单位）, as written.
    public var responsibleText: String = ""
    /// Responsible units split from `responsibleText` (or from `publisher` when there is no such column).
    public var responsibleUnits: [String] = []
    /// 公开渠道和载体, as written.
    public var channelText: String = ""
    public var channels: [ChannelMark] = []
    public var audiences: [Audience] = []
    public var modes: [Mode] = []
    /// 过程 / 公开属性, as written.
    public var stageText: String = ""
    public var stages: [Stage] = []
    public var tiers: [Tier] = []
    public var updateFrequency: String = ""
    public var remarks: String = ""
    /// Fields the importer is unsure of (存疑); nil when it is sure of every field.
    public var doubts: [ItemDoubt]?
    public var provenance: Provenance

    public init(provenance: Provenance) { self.provenance = provenance }

    /// Names of the checked channels, standard ones by their standard name, others as written.
    public var checkedChannelNames: [String] { channels.filter(\.checked).map(\.name) }
}

/// Where an item came from: the file and the first and last line (text) or row (spreadsheet, Word table).
public struct Provenance: Codable, Sendable, Equatable {
    public var sourceFile: String
    public var unit: SourceUnit
    public var first: Int
    public var last: Int

    public init(sourceFile: String, unit: SourceUnit, first: Int, last: Int) {
        self.sourceFile = sourceFile
        self.unit = unit
        self.first = first
        self.last = last
    }
}

public enum SourceUnit: String, Codable, Sendable {
    case line, row
}
