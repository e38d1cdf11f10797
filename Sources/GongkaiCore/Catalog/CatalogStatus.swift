/// Where a stored version of an agency's catalog stands. A revision is a draft until it is approved (adopted,
/// in force from its effective date until the next adopted version's) or discarded.
public enum CatalogStatus: String, Codable, Sendable, CaseIterable {
    case draft, adopted, discarded

    public var label: String {
        switch self {
        case .draft: "待审核的修订稿"
        case .adopted: "已施行"
        case .discarded: "已放弃"
        }
    }
}
