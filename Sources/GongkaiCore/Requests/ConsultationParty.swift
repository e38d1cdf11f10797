/// Who is consulted while the answer clock is paused (条例 第三十三条第三款: 征求第三方和其他机关意见所需时间不计算在期限内).
public enum ConsultationParty: String, Codable, Sendable, CaseIterable {
    /// 第三方 whose rights disclosure may harm (第三十二条).
    case thirdParty
    /// 其他机关 that produced the information jointly (第三十四条).
    case otherAgency

    /// 第三方 or 其他机关.
    public var label: String {
        switch self {
        case .thirdParty: "第三方"
        case .otherAgency: "其他机关"
        }
    }

    /// The article that gives the party its 15 workdays.
    public var article: String {
        switch self {
        case .thirdParty: "第三十二条"
        case .otherAgency: "第三十四条"
        }
    }

    /// What happens when the party has not replied within its 15 workdays.
    public var silenceRule: String {
        switch self {
        case .thirdParty: "第三方逾期未提出意见的，由行政机关依照条例规定决定是否公开（第三十二条）"
        case .otherAgency: "被征求意见机关逾期未提出意见的，视为同意公开（第三十四条）"
        }
    }
}

/// The columns of table 四 (行政复议、行政诉讼情况, REGULATIONS §2.4). `pending` (尚未审结) is the state of a filed
/// case without a decision; it is never a decision itself.
public enum AppealResult: String, Codable, Sendable, CaseIterable {
    case upheld
    case corrected
    case other
    case pending

    /// The column header of table 四.
    public var label: String {
        switch self {
        case .upheld: "结果维持"
        case .corrected: "结果纠正"
        case .other: "其他结果"
        case .pending: "尚未审结"
        }
    }
}
