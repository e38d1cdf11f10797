import GongkaiStore

/// The accounts page (Templates/users.mustache): the accounts an administrator manages and the form that creates one.
extension DirectoryController {
    struct UsersView: Sendable {
        var users: [UserRow]
        var agencies: [AgencyDirectory.AgencyRow]
        var departments: [DepartmentOption]
        var roles: [SelectOption]
        var error: String?
        var created: String?
    }

    struct UserRow: Sendable {
        var id: Int
        var statusURL: String
        var disabled: Bool
        var username: String
        var displayName: String
        var role: String
        var agency: String
        var departments: String
    }

    struct DepartmentOption: Sendable {
        var id: Int
        var label: String
    }
}
