import Foundation

/// One published (or to-be-published) piece of information under a catalog item (政府信息).
public struct Record: Codable, Sendable, Equatable {
    public var id: Int
    public var agencyID: Int
    /// 索引号 `<organisation code>/<yyyy>-<nnnnn>`: issued on first publication, never changed or reused.
    public var indexNumber: String?
    public var status: RecordStatus
    public var content: RecordContent
    /// The item the record is published under, then any cross-listed items.
    public var itemNodeIDs: [Int]
    public var version: Int
    public var createdBy: Int
    /// When the record becomes (or became) public; in the future for a scheduled publication.
    public var publishAt: Date?
    public var publishedDate: CivilDate?
    public var statusReason: String?

    public init(id: Int, agencyID: Int, indexNumber: String? = nil, status: RecordStatus = .draft, content: RecordContent,
                itemNodeIDs: [Int], version: Int = 1, createdBy: Int, publishAt: Date? = nil, publishedDate: CivilDate? = nil,
                statusReason: String? = nil) {
        self.id = id
        self.agencyID = agencyID
        self.indexNumber = indexNumber
        self.status = status
        self.content = content
        self.itemNodeIDs = itemNodeIDs
        self.version = version
        self.createdBy = createdBy
        self.publishAt = publishAt
        self.publishedDate = publishedDate
        self.statusReason = statusReason
    }

    /// Public at `now`: published, and its publication time has come.
    public func isPublic(at now: Date) -> Bool {
        status == .published && (publishAt ?? .distantPast) <= now
    }
}

/// The editable metadata and body of a record (one version of it).
public struct RecordContent: Codable, Sendable, Equatable {
    public var title: String
    /// 文号, e.g. 源政办字〔2021〕9号
    public var documentNumber: String
    /// 发布机构
    public var issuer: String
    /// 成文日期
    public var writtenDate: CivilDate?
    /// 信息形成或者变更之日: what the item's deadline counts from.
    public var triggerDate: CivilDate?
    /// For periodic items: 2024, 2024H1, 2024Q3, 2024-03.
    public var reportingPeriod: String
    /// 主题分类
    public var topic: String
    /// 有效性 for normative documents.
    public var validity: Validity?
    public var validityChangedOn: CivilDate?
    /// Markdown; rendered with every HTML character escaped.
    public var body: String
    /// 有效期至: the last day a normative document is in force, when it states one (e.g. 山东: 3 or 5 years).
    public var validUntil: CivilDate?

    public init(title: String, documentNumber: String = "", issuer: String = "", writtenDate: CivilDate? = nil,
                triggerDate: CivilDate? = nil, reportingPeriod: String = "", topic: String = "", validity: Validity? = nil,
                validityChangedOn: CivilDate? = nil, body: String = "", validUntil: CivilDate? = nil) {
        self.title = title
        self.documentNumber = documentNumber
        self.issuer = issuer
        self.writtenDate = writtenDate
        self.triggerDate = triggerDate
        self.reportingPeriod = reportingPeriod
        self.topic = topic
        self.validity = validity
        self.validityChangedOn = validityChangedOn
        self.body = body
        self.validUntil = validUntil
    }

    /// Chinese messages for missing or malformed fields; empty when the content can be saved.
    public func problems() -> [String] {
        var found: [String] = []
        if title.trimmed.isEmpty { found.append("标题不能为空") }
        if title.count > 300 { found.append("标题不能超过300字") }
        if !reportingPeriod.isEmpty, ReportingPeriod(reportingPeriod) == nil {
            found.append("所报期间“\(reportingPeriod)”无法识别（如 2024、2024H1、2024Q3、2024-03）")
        }
        if validity != nil && validity != .valid && validityChangedOn == nil { found.append("失效或废止的文件须填写失效/废止日期") }
        return found
    }
}

/// 有效性
public enum Validity: String, Codable, Sendable, CaseIterable {
    case valid, expired, repealed

    public var label: String {
        switch self {
        case .valid: "有效"
        case .expired: "失效"
        case .repealed: "废止"
        }
    }
}
