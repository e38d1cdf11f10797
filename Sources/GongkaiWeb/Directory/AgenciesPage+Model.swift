import GongkaiStore

/// The agencies page (Templates/agencies.mustache): the agencies an administrator manages, with their 组织机构代码.
extension DirectoryController {
    struct AgenciesView: Sendable {
        var agencies: [AgencyDirectory.AgencyRow]
    }
}
