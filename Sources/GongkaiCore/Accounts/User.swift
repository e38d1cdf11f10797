/// Roles in a bureau's disclosure work.
public enum Role: String, Codable, Sendable, CaseIterable {
    /// 系统管理员: every agency, accounts, agencies.
    case systemAdmin
    /// 机关管理员: one agency's accounts, departments and records.
    case agencyAdmin
    /// 编辑: drafts records under the items of their departments.
    case editor
    /// 审核员: approves or rejects submitted records of their agency.
    case reviewer

    public var label: String {
        switch self {
        case .systemAdmin: "系统管理员"
        case .agencyAdmin: "机关管理员"
        case .editor: "编辑"
        case .reviewer: "审核员"
        }
    }
}

/// A staff account.
public struct User: Codable, Sendable, Equatable {
    public var id: Int
    public var username: String
    public var displayName: String
    public var role: Role
    /// nil only for system administrators.
    public var agencyID: Int?
    /// Departments an editor works for.
    public var departmentIDs: [Int]
    public var disabled: Bool

    public init(id: Int, username: String, displayName: String, role: Role, agencyID: Int?, departmentIDs: [Int] = [], disabled: Bool = false) {
        self.id = id
        self.username = username
        self.displayName = displayName
        self.role = role
        self.agencyID = agencyID
        self.departmentIDs = departmentIDs
        self.disabled = disabled
    }
}
