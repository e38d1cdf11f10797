import GongkaiCore
import GongkaiStore

extension DirectoryController.UsersView {
    /// The accounts `user` manages (a system administrator: all), with the departments of `agencies` to choose from.
    static func load(user: User, agencies: [AgencyDirectory.AgencyRow], error: String?, created: String?,
                     accounts: AccountRepository, directory: AgencyDirectory) async throws -> Self {
        var departmentOptions: [DirectoryController.DepartmentOption] = []
        var departmentNames: [Int: String] = [:]
        for agency in agencies {
            for department in try await directory.departments(agencyID: agency.id) {
                departmentOptions.append(DirectoryController.DepartmentOption(id: department.id, label: "\(agency.name) · \(department.name)"))
                departmentNames[department.id] = department.name
            }
        }
        let agencyNames = Dictionary(uniqueKeysWithValues: agencies.map { ($0.id, $0.name) })
        let list = try await accounts.users(agencyID: user.role == .systemAdmin ? nil : user.agencyID).map {
            DirectoryController.UserRow(id: $0.id, statusURL: SiteURL.userStatus(.value($0.id)).path, disabled: $0.disabled, username: $0.username,
                                        displayName: $0.displayName, role: $0.role.label, agency: $0.agencyID.flatMap { agencyNames[$0] } ?? "—",
                                        departments: $0.departmentIDs.compactMap { departmentNames[$0] }.joined(separator: "、"))
        }
        let roles = Role.allCases.filter { user.role == .systemAdmin || $0 != .systemAdmin }
            .map { SelectOption(value: $0.rawValue, label: $0.label, selected: $0 == .editor) }
        return Self(users: list, agencies: agencies, departments: departmentOptions, roles: roles, error: error, created: created)
    }
}
