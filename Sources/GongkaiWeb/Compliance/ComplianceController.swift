import Foundation
import GongkaiCore
import GongkaiStore
import Hummingbird

/// /admin/compliance (the dashboard and its .xlsx export), the departments' calendar feeds and their tokens.
struct ComplianceController {
    let database: GongkaiDatabase
    let calendar: WorkingCalendar
    let directory: AgencyDirectory
    let feeds: CalendarFeedRepository
    let renderer: Renderer

    func addRoutes(to router: Router<WebContext>) {
        router.get(.compliance) { request, context in
            let user = try requireUser(context)
            let filter = try filter(request, user)
            let dashboard = try await load(filter)
            let selectable = user.role == .systemAdmin ? try await directory.agencies() : []
            let canManageFeeds = filter.agencyID.map { Permissions.canAdminister(agencyID: $0, user) } ?? (user.role == .systemAdmin)
            var page = dashboard.page(filter, selectable: selectable, canManageFeeds: canManageFeeds)
            page.requests = try await requestsDue(agencyID: filter.agencyID, at: filter.at, dashboard: dashboard)
            page.hasRequests = !page.requests.isEmpty
            return renderer.render("compliance", title: "合规检查", content: page, context: context)
        }
        router.get(.complianceExport) { request, context in
            let user = try requireUser(context)
            let filter = try filter(request, user)
            let dashboard = try await load(filter)
            let data = try dashboard.workbook(kind: filter.kind).data()
            let name = "合规检查-\(filter.at).xlsx".addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "compliance.xlsx"
            return Response(status: .ok, headers: [
                .contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                .contentDisposition: "attachment; filename=\"compliance-\(filter.at).xlsx\"; filename*=UTF-8''\(name)",
                .cacheControl: "no-store",
            ], body: .init(byteBuffer: ByteBuffer(bytes: data)))
        }
        router.get(.departmentCalendar(.key)) { request, context in try await feed(request, context) }
        router.post(.departmentCalendarFeed(.key)) { _, context in
            let user = try requireUser(context)
            let id = try context.parameters.require("id", as: Int.self)
            guard let department = try await directory.department(id: id) else { throw WebError.notFound("科室") }
            guard Permissions.canAdminister(agencyID: department.agencyID, user) else {
                throw WebError.forbidden("只有本机关管理员可以生成该科室的日历订阅地址。")
            }
            try await feeds.rotate(departmentID: id, agencyID: department.agencyID, actor: user.username)
            return Renderer.redirect(SiteURL.departments.anchored("feed-\(id)"))
        }
    }

    /// Open disclosure requests whose clock, recomputed from their events at `at`, is overdue or due soon; overdue first.
    private func requestsDue(agencyID: Int?, at: CivilDate, dashboard: ComplianceDashboard) async throws -> [ComplianceDashboard.RequestDueRow] {
        var rows: [(ClockState, StoredRequest)] = []
        for stored in try await RequestRepository(database).all(agencyID: agencyID) {
            let clock = stored.request.clock(calendar: calendar, today: at)
            if clock.isOverdue || clock.isDueSoon { rows.append((clock, stored)) }
        }
        return rows.sorted { ($0.0.remainingWorkdays, $0.1.id) < ($1.0.remainingWorkdays, $1.1.id) }.map { clock, stored in
            ComplianceDashboard.RequestDueRow(
                id: stored.id, url: SiteURL.adminRequest(stored.id).path, code: stored.code, agency: dashboard.agencyName(stored.agencyID), status: clock.status.label,
                received: clock.clockStart?.description ?? "", due: clock.dueDate?.description ?? "",
                remaining: clock.isOverdue ? "已逾期\(-clock.remainingWorkdays)个工作日" : "剩\(clock.remainingWorkdays)个工作日",
                overdue: clock.isOverdue)
        }
    }

    private func load(_ filter: ComplianceDashboard.Filter) async throws -> ComplianceDashboard {
        let dashboard = try await ComplianceDashboard.load(database: database, calendar: calendar, agencyID: filter.agencyID, at: filter.at)
        if filter.agencyID != nil, dashboard.agencies.isEmpty { throw WebError.notFound("机关") }
        return dashboard
    }

    /// The dashboard's query: `agency` (staff: only their own, else 403), `at` (default today), `kind`, `page`.
    func filter(_ request: Request, _ user: User) throws -> ComplianceDashboard.Filter {
        let query = request.uri.queryParameters
        var agencyID = user.role == .systemAdmin ? nil : user.agencyID
        if let text = query["agency"].map(String.init), !text.isEmpty {
            guard let id = Int(text) else { throw WebError.badRequest("机关编号无效。") }
            guard Permissions.canView(agencyID: id, user) else { throw WebError.forbidden("不能查看其他机关的合规检查。") }
            agencyID = id
        }
        guard user.role == .systemAdmin || agencyID != nil else { throw WebError.forbidden("账号未关联机关。") }
        var at = renderer.config.clock.today
        if let text = query["at"].map(String.init), !text.isEmpty {
            guard let date = CivilDate(text) else { throw WebError.badRequest("检查日期应为 YYYY-MM-DD。") }
            at = date
        }
        var kind: Finding.Kind?
        if let text = query["kind"].map(String.init), !text.isEmpty {
            guard let value = Finding.Kind(rawValue: text) else { throw WebError.badRequest("没有这种问题类型。") }
            kind = value
        }
        let page = query["page"].flatMap { Int(String($0)) } ?? 1
        return ComplianceDashboard.Filter(agencyID: agencyID, at: at, kind: kind, page: page)
    }

    /// Public, without a session: the token in the query is the key. Anything else than the department's own token is
    /// 404, like a department that does not exist. Never cached by shared caches (the address is a secret).
    private func feed(_ request: Request, _ context: WebContext) async throws -> Response {
        guard let id = Int(try context.parameters.require("id")), let token = request.uri.queryParameters["token"].map(String.init),
              !token.isEmpty, let department = try await feeds.department(id: id, token: token) else {
            throw WebError.notFound("日历")
        }
        let sweep = ComplianceSweep(database: database, calendar: calendar)
        let input = try await sweep.load(agencyID: department.agencyID)
        let report = sweep.check(input, at: renderer.config.clock.today)
        let itemIDs = try await sweep.repository.departmentsByItem(agencyID: department.agencyID).filter { $0.value.contains(id) }.keys
        let feed = DepartmentFeed(agency: try await directory.agency(id: department.agencyID)?.name ?? "", department: department.name,
                                  report: report, items: Dictionary(input.items.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first }),
                                  recordTitles: Dictionary(input.records.map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first }),
                                  itemIDs: Set(itemIDs), origin: request.origin)
        return Response(status: .ok, headers: [
            .contentType: "text/calendar; charset=utf-8",
            .contentDisposition: "inline; filename=\"department-\(id).ics\"",
            .cacheControl: "private, no-cache",
        ], body: .init(byteBuffer: ByteBuffer(string: feed.calendar.text(stamp: renderer.config.clock.now()))))
    }
}
