/// A record (政府信息) as the compliance monitor needs it: metadata only, no body. The storage layer fills
/// `personalData` from what the guard stored at submit/publish time, since scanning a million bodies in a
/// sweep is too slow.
public struct ComplianceRecord: Codable, Sendable, Equatable {
    public var id: Int
    public var agencyID: Int
    /// The items the record is listed under, primary first; it counts for each of them.
    public var itemIDs: [Int]
    public var title: String
    public var status: RecordStatus
    /// 发布日期. A published record without one counts as not published ("未注明信息发布时间的视为不更新",
    /// 2015 普查评分表).
    public var publishedDate: CivilDate?
    /// 信息形成或者变更之日, entered by the editor; deadlines count from it.
    public var triggerDate: CivilDate?
    /// 成文日期: the trigger when no trigger date is entered.
    public var writtenDate: CivilDate?
    /// The period a periodic publication reports on; inferred from `publishedDate` when nil.
    public var reportingPeriod: ReportingPeriod?
    /// 行政许可, 行政处罚 …: picks the branch of a composite rule.
    public var recordKind: String?
    /// 有效性
    public var validity: Validity?
    /// 有效期至
    public var validUntil: CivilDate?
    /// 规范性文件 / 政策文件: must carry 有效性 and be published with its 解读.
    public var isPolicy: Bool
    /// Ids of the 解读 of this record.
    public var interpretationIDs: [Int]
    /// Ids of the records this record interprets (when it is a 解读).
    public var interpretsIDs: [Int]
    /// Kinds of unmasked personal data found in title, body or attachments (`PersonalDataGuard`).
    public var personalData: [PersonalDataKind]

    public init(id: Int, agencyID: Int, itemIDs: [Int], title: String, status: RecordStatus = .published,
                publishedDate: CivilDate? = nil, triggerDate: CivilDate? = nil, writtenDate: CivilDate? = nil,
                reportingPeriod: ReportingPeriod? = nil, recordKind: String? = nil, validity: Validity? = nil,
                validUntil: CivilDate? = nil, isPolicy: Bool = false, interpretationIDs: [Int] = [],
                interpretsIDs: [Int] = [], personalData: [PersonalDataKind] = []) {
        self.id = id
        self.agencyID = agencyID
        self.itemIDs = itemIDs
        self.title = title
        self.status = status
        self.publishedDate = publishedDate
        self.triggerDate = triggerDate
        self.writtenDate = writtenDate
        self.reportingPeriod = reportingPeriod
        self.recordKind = recordKind
        self.validity = validity
        self.validUntil = validUntil
        self.isPolicy = isPolicy
        self.interpretationIDs = interpretationIDs
        self.interpretsIDs = interpretsIDs
        self.personalData = personalData
    }

    /// From a stored record; what the record itself does not hold is passed in.
    public init(_ record: Record, isPolicy: Bool = false, recordKind: String? = nil, interpretationIDs: [Int] = [],
                interpretsIDs: [Int] = [], personalData: [PersonalDataKind] = []) {
        self.init(id: record.id, agencyID: record.agencyID, itemIDs: record.itemNodeIDs, title: record.content.title,
                  status: record.status, publishedDate: record.publishedDate, triggerDate: record.content.triggerDate,
                  writtenDate: record.content.writtenDate, reportingPeriod: ReportingPeriod(record.content.reportingPeriod),
                  recordKind: recordKind, validity: record.content.validity, validUntil: record.content.validUntil,
                  isPolicy: isPolicy, interpretationIDs: interpretationIDs, interpretsIDs: interpretsIDs,
                  personalData: personalData)
    }

    /// The date the record became public, if it is public on `day`.
    @inlinable
    public func publication(asOf day: CivilDate) -> CivilDate? {
        guard status == .published, let publishedDate, publishedDate <= day else { return nil }
        return publishedDate
    }
}
