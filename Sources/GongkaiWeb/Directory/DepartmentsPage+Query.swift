import GongkaiStore

extension DirectoryController.DepartmentsView {
    /// The departments of `agencies`; feed addresses start with `origin`, the site as the request reached it.
    static func load(agencies: [AgencyDirectory.AgencyRow], origin: String, directory: AgencyDirectory,
                     feeds: CalendarFeedRepository) async throws -> Self {
        var list: [DirectoryController.AgencyDepartments] = []
        for agency in agencies {
            let tokens = try await feeds.tokens(agencyID: agency.id)
            let departments = try await directory.departments(agencyID: agency.id).map { department in
                DirectoryController.DepartmentView(
                    id: department.id, url: SiteURL.department(.value(department.id)).path,
                    calendarFeedFormURL: SiteURL.departmentCalendarFeed(.value(department.id)).path, agencyID: department.agencyID, name: department.name,
                    feedURL: tokens[department.id].map { SiteURL.departmentCalendar(.value(department.id)).absolute(origin: origin) + "?token=\($0)" })
            }
            list.append(DirectoryController.AgencyDepartments(id: agency.id, name: agency.name, departments: departments))
        }
        return Self(agencies: list)
    }
}
