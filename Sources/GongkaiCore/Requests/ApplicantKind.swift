/// 申请人情况: the applicant columns of table 三 of the annual report (国办公开办函〔2021〕30号, REGULATIONS §2.3).
/// 自然人, then 法人或其他组织 with five sub-columns. The seventh column, 总计, is the sum and not a kind.
public enum ApplicantKind: String, Codable, Sendable, CaseIterable {
    case naturalPerson
    case commercialEnterprise
    case researchInstitution
    case socialWelfareOrganization
    case legalServiceOrganization
    case otherOrganization

    /// The column header, verbatim from table 三.
    public var label: String {
        switch self {
        case .naturalPerson: "自然人"
        case .commercialEnterprise: "商业企业"
        case .researchInstitution: "科研机构"
        case .socialWelfareOrganization: "社会公益组织"
        case .legalServiceOrganization: "法律服务机构"
        case .otherOrganization: "其他"
        }
    }

    /// The spanning header: 自然人 or 法人或其他组织.
    public var groupLabel: String { isOrganization ? "法人或其他组织" : "自然人" }

    /// A 法人或其他组织 (any column but 自然人).
    public var isOrganization: Bool { self != .naturalPerson }

    /// For lists and forms: "法人或其他组织（商业企业）".
    public var fullLabel: String { isOrganization ? "\(groupLabel)（\(label)）" : label }

    /// The header of the computed seventh column.
    public static let totalLabel = "总计"
}
