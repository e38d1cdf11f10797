/// Labels, table rows and stable storage names of the 办理结果.
extension RequestOutcome: RawRepresentable, Codable {
    /// "disclosed", "partiallyDisclosed", "withheld.stateSecret", "notProcessed.duplicate" …; never renamed.
    public var rawValue: String {
        switch self {
        case .disclosed: "disclosed"
        case .partiallyDisclosed: "partiallyDisclosed"
        case .withheld(let reason): "withheld." + reason.rawValue
        case .unavailable(let reason): "unavailable." + reason.rawValue
        case .notProcessed(let reason): "notProcessed." + reason.rawValue
        case .otherHandling(let reason): "otherHandling." + reason.rawValue
        }
    }

    public init?(rawValue: String) {
        guard let outcome = RequestOutcome.allCases.first(where: { $0.rawValue == rawValue }) else { return nil }
        self = outcome
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let outcome = RequestOutcome(rawValue: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "未知的办理结果：\(text)"))
        }
        self = outcome
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// The group row of table 三, verbatim: "（一）予以公开" … "（六）其他处理".
    public var groupRowLabel: String {
        switch self {
        case .disclosed: "（一）予以公开"
        case .partiallyDisclosed: "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"
        case .withheld: "（三）不予公开"
        case .unavailable: "（四）无法提供"
        case .notProcessed: "（五）不予处理"
        case .otherHandling: "（六）其他处理"
        }
    }

    /// The numbered sub-row, verbatim ("1.属于国家秘密"); nil for （一） and （二）, which have none.
    public var itemRowLabel: String? {
        switch self {
        case .disclosed, .partiallyDisclosed: nil
        case .withheld(let reason): reason.rowLabel
        case .unavailable(let reason): reason.rowLabel
        case .notProcessed(let reason): reason.rowLabel
        case .otherHandling(let reason): reason.rowLabel
        }
    }

    /// Short group name: 予以公开, 部分公开, 不予公开, 无法提供, 不予处理, 其他处理.
    public var groupName: String {
        switch self {
        case .disclosed: "予以公开"
        case .partiallyDisclosed: "部分公开"
        case .withheld: "不予公开"
        case .unavailable: "无法提供"
        case .notProcessed: "不予处理"
        case .otherHandling: "其他处理"
        }
    }

    /// For lists: "不予处理·重复申请" (the sub-row without its number), or the group name alone.
    public var label: String {
        guard let item = itemRowLabel, let dot = item.firstIndex(of: ".") else { return groupName }
        return groupName + "·" + item[item.index(after: dot)...]
    }

    /// Closes the request without an answer of substance: the applicant did not correct or did not pay.
    public var isTermination: Bool {
        self == .otherHandling(.clarificationOverdue) || self == .otherHandling(.feeUnpaid)
    }
}
