/// The site's fixed addresses, for the templates: the layout's navigation and every page's links to pages without
/// parameters (`{{site.applyStatus}}`). Built once from `SiteURL`.
struct SiteLinks: Sendable {
    var home = SiteURL.home.path
    var stylesheet = SiteURL.staticFile(.value("site.css")).path
    var search = SiteURL.search.path
    var apply = SiteURL.apply.path
    var applyStatus = SiteURL.applyStatus.path
    var applyCorrect = SiteURL.applyCorrect.path
    var applyLetter = SiteURL.applyLetter.path
    var login = SiteURL.login.path
    var logout = SiteURL.logout.path
    var openAPI = SiteURL.openAPI.path
    var displayNormal = SiteURL.display.with(query: [("mode", "normal")])
    var displayLarge = SiteURL.display.with(query: [("mode", "large")])
    var displayContrast = SiteURL.display.with(query: [("mode", "contrast")])
    var admin = SiteURL.admin.path
    var reviewQueue = SiteURL.reviewQueue.path
    var requests = SiteURL.adminRequests.path
    var compliance = SiteURL.compliance.path
    var reports = SiteURL.adminReports.path
    var users = SiteURL.users.path
    var departments = SiteURL.departments.path
    var agencies = SiteURL.agencies.path
    var audit = SiteURL.audit.path
    var tokens = SiteURL.tokens.path
    var password = SiteURL.password.path

    static let shared = SiteLinks()
}
