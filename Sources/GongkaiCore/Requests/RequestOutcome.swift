/// 办理结果: exactly the rows （一）–（六） of table 三 of the annual report (国办公开办函〔2021〕30号, REGULATIONS §2.3),
/// so that every answered request is counted in one row. Stored as a stable string ("withheld.stateSecret").
public enum RequestOutcome: Hashable, Sendable {
    /// （一）予以公开
    case disclosed
    /// （二）部分公开（区分处理的，只计这一情形，不计其他情形）
    case partiallyDisclosed
    /// （三）不予公开
    case withheld(WithholdingReason)
    /// （四）无法提供
    case unavailable(UnavailableReason)
    /// （五）不予处理
    case notProcessed(NotProcessedReason)
    /// （六）其他处理
    case otherHandling(OtherHandlingReason)

    /// All 21 rows in table order.
    public static let allCases: [RequestOutcome] = [.disclosed, .partiallyDisclosed]
        + WithholdingReason.allCases.map { .withheld($0) }
        + UnavailableReason.allCases.map { .unavailable($0) }
        + NotProcessedReason.allCases.map { .notProcessed($0) }
        + OtherHandlingReason.allCases.map { .otherHandling($0) }
}

/// （三）不予公开, rows 1–8.
public enum WithholdingReason: String, Codable, Sendable, CaseIterable {
    case stateSecret, prohibitedByLaw, endangersSecurityOrStability, thirdPartyRights
    case internalAffairs, processInformation, enforcementFile, administrativeQuery

    /// The numbered row of table 三, verbatim.
    public var rowLabel: String {
        switch self {
        case .stateSecret: "1.属于国家秘密"
        case .prohibitedByLaw: "2.其他法律行政法规禁止公开"
        case .endangersSecurityOrStability: "3.危及“三安全一稳定”"
        case .thirdPartyRights: "4.保护第三方合法权益"
        case .internalAffairs: "5.属于三类内部事务信息"
        case .processInformation: "6.属于四类过程性信息"
        case .enforcementFile: "7.属于行政执法案卷"
        case .administrativeQuery: "8.属于行政查询事项"
        }
    }
}

/// （四）无法提供, rows 1–3.
public enum UnavailableReason: String, Codable, Sendable, CaseIterable {
    case notHeld, needsCreation, stillUnclearAfterClarification

    /// The numbered row of table 三, verbatim.
    public var rowLabel: String {
        switch self {
        case .notHeld: "1.本机关不掌握相关政府信息"
        case .needsCreation: "2.没有现成信息需要另行制作"
        case .stillUnclearAfterClarification: "3.补正后申请内容仍不明确"
        }
    }
}

/// （五）不予处理, rows 1–5.
public enum NotProcessedReason: String, Codable, Sendable, CaseIterable {
    case petitionOrComplaint, duplicate, publication, massRepetitive, confirmationOrReissue

    /// The numbered row of table 三, verbatim.
    public var rowLabel: String {
        switch self {
        case .petitionOrComplaint: "1.信访举报投诉类申请"
        case .duplicate: "2.重复申请"
        case .publication: "3.要求提供公开出版物"
        case .massRepetitive: "4.无正当理由大量反复申请"
        case .confirmationOrReissue: "5.要求行政机关确认或重新出具已获取信息"
        }
    }
}

/// （六）其他处理, rows 1–3 (2021 format; the 2019 trial format had one row without sub-items).
public enum OtherHandlingReason: String, Codable, Sendable, CaseIterable {
    case clarificationOverdue, feeUnpaid, other

    /// The numbered row of table 三, verbatim.
    public var rowLabel: String {
        switch self {
        case .clarificationOverdue: "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"
        case .feeUnpaid: "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"
        case .other: "3.其他"
        }
    }
}
