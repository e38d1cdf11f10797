/// A government body that owns a catalog (行政机关), e.g. 淄博市医疗保障局沂源分局.
public struct Agency: Codable, Sendable, Hashable {
    public var name: String
    /// 统一社会信用代码 / 组织机构代码; the front part of every 索引号.
    public var organisationCode: String?
    public var tier: Tier?

    public init(name: String, organisationCode: String? = nil, tier: Tier? = nil) {
        self.name = name
        self.organisationCode = organisationCode
        self.tier = tier
    }
}

/// An office inside an agency (科室 / 内设机构), the usual responsible unit of an item.
public struct Department: Codable, Sendable, Hashable {
    public var name: String
    public init(name: String) { self.name = name }
}
