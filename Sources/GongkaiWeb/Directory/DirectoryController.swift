import Foundation
import GongkaiCore
import GongkaiStore
import Hummingbird

/// Accounts, departments and agencies.
struct DirectoryController {
    let accounts: AccountRepository
    let directory: AgencyDirectory
    let feeds: CalendarFeedRepository
    let renderer: Renderer

    func addRoutes(to router: Router<WebContext>) {
        router.get(.users) { _, context in try await users(context) }
        router.post(.users) { request, context in try await createUser(request, context) }
        router.post(.userStatus(.key)) { request, context in
            let user = try requireUser(context)
            let id = try context.parameters.require("id", as: Int.self)
            guard let target = try await accounts.user(id: id) else { throw WebError.notFound("账号") }
            let allowed = user.role == .systemAdmin || (target.agencyID.map { Permissions.canAdminister(agencyID: $0, user) } ?? false)
            guard allowed, target.id != user.id else { throw WebError.forbidden("不能停用或启用该账号。") }
            let form = try await FormData.read(request, context: context)
            try await accounts.setDisabled(userID: id, disabled: form["disabled"] == "1", actor: user.username)
            return Renderer.redirect(SiteURL.users.path)
        }
        router.post(.department(.key)) { request, context in
            let user = try requireUser(context)
            let form = try await FormData.read(request, context: context)
            guard let agencyID = Int(form.text("agency")), Permissions.canAdminister(agencyID: agencyID, user) else {
                throw WebError.forbidden("不能修改该机关的科室。")
            }
            try await directory.renameDepartment(id: try context.parameters.require("id", as: Int.self), agencyID: agencyID,
                                                 name: form.text("name"), actor: user.username)
            return Renderer.redirect(SiteURL.departments.path)
        }
        router.get(.departments) { request, context in try await departments(request, context) }
        router.post(.departments) { request, context in try await createDepartment(request, context) }
        router.get(.agencies) { _, context in try await agencies(context) }
        router.post(.agencies) { request, context in try await saveAgency(request, context) }
    }

    private func visibleAgencies(_ user: User) async throws -> [AgencyDirectory.AgencyRow] {
        try await directory.agencies().filter { Permissions.canAdminister(agencyID: $0.id, user) }
    }

    private func users(_ context: WebContext, error: String? = nil, created: String? = nil, status: HTTPResponse.Status = .ok) async throws -> Response {
        let user = try requireUser(context)
        guard user.role == .systemAdmin || user.role == .agencyAdmin else { throw WebError.forbidden("只有管理员可以管理账号。") }
        let view = try await UsersView.load(user: user, agencies: try await visibleAgencies(user), error: error, created: created,
                                            accounts: accounts, directory: directory)
        return renderer.render("users", title: "账号", content: view, context: context, status: status)
    }

    private func createUser(_ request: Request, _ context: WebContext) async throws -> Response {
        let user = try requireUser(context)
        let form = try await FormData.read(request, context: context)
        guard let role = Role(rawValue: form.text("role")) else { return try await users(context, error: "请选择角色。", status: .badRequest) }
        let agencyID = Int(form.text("agency"))
        if role == .systemAdmin ? user.role != .systemAdmin : !(agencyID.map { Permissions.canAdminister(agencyID: $0, user) } ?? false) {
            throw WebError.forbidden("不能为该机关创建此类账号。")
        }
        let departmentIDs = form.all("departments").compactMap(Int.init)
        if let agencyID {
            let own = Set(try await directory.departments(agencyID: agencyID).map(\.id))
            guard departmentIDs.allSatisfy(own.contains) else { return try await users(context, error: "所选科室不属于该机关。", status: .badRequest) }
        }
        do {
            let created = try await accounts.create(username: form.text("username"), displayName: form.text("displayName"),
                                                    password: form["password"] ?? "", role: role, agencyID: agencyID,
                                                    departmentIDs: role == .editor ? departmentIDs : [], actor: user.username)
            return try await users(context, created: created.username)
        } catch let failure as AccountRepository.Failure {
            return try await users(context, error: failure.description, status: .badRequest)
        }
    }

    private func departments(_ request: Request, _ context: WebContext) async throws -> Response {
        let user = try requireUser(context)
        guard user.role == .systemAdmin || user.role == .agencyAdmin else { throw WebError.forbidden("只有管理员可以管理科室。") }
        let view = try await DepartmentsView.load(agencies: try await visibleAgencies(user), origin: request.origin, directory: directory, feeds: feeds)
        return renderer.render("departments", title: "科室", content: view, context: context)
    }

    private func createDepartment(_ request: Request, _ context: WebContext) async throws -> Response {
        let user = try requireUser(context)
        let form = try await FormData.read(request, context: context)
        guard let agencyID = Int(form.text("agency")), Permissions.canAdminister(agencyID: agencyID, user) else {
            throw WebError.forbidden("不能为该机关添加科室。")
        }
        try await directory.createDepartment(agencyID: agencyID, name: form.text("name"), actor: user.username)
        return Renderer.redirect(SiteURL.departments.path)
    }

    private func agencies(_ context: WebContext) async throws -> Response {
        let user = try requireUser(context)
        guard user.role == .systemAdmin || user.role == .agencyAdmin else { throw WebError.forbidden("只有管理员可以管理机关。") }
        return renderer.render("agencies", title: "机关", content: AgenciesView(agencies: try await visibleAgencies(user)), context: context)
    }

    private func saveAgency(_ request: Request, _ context: WebContext) async throws -> Response {
        let user = try requireUser(context)
        let form = try await FormData.read(request, context: context)
        if let id = Int(form.text("id")) {
            guard Permissions.canAdminister(agencyID: id, user) else { throw WebError.forbidden("不能修改该机关。") }
            try await directory.setOrganisationCode(agencyID: id, code: form.text("organisationCode"), actor: user.username)
        } else {
            guard Permissions.canManageAgencies(user) else { throw WebError.forbidden("只有系统管理员可以新增机关。") }
            try await directory.createAgency(name: form.text("name"), organisationCode: form.text("organisationCode"), actor: user.username)
        }
        return Renderer.redirect(SiteURL.agencies.path)
    }
}
