/// The departments page (Templates/departments.mustache): each agency's departments, their names and calendar feeds.
extension DirectoryController {
    struct DepartmentsView: Sendable {
        var agencies: [AgencyDepartments]
    }

    struct AgencyDepartments: Sendable {
        var id: Int
        var name: String
        var departments: [DepartmentView]
    }

    struct DepartmentView: Sendable {
        var id: Int
        var url: String
        var calendarFeedFormURL: String
        var agencyID: Int
        var name: String
        /// The department's calendar feed (absolute URL with its token), once generated.
        var feedURL: String?
    }
}
