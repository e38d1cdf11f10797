import Foundation
import GongkaiCore
import GongkaiStore

/// One agency's simulated year. Each item gets the records its rule and column call for, published on time;
/// then a handful of problems are planted and written into `expected`.
struct AgencySimulation {
    let generator: DemoYearGenerator
    let agencyID: Int
    let agencyName: String
    let items: [ComplianceItem]
    let admin: User
    var writer: DemoWriter
    var expected: [DemoManifest.Expected] = []
    var published = 0
    /// Each item's 公开内容, the words record bodies are written from.
    private var contents: [Int: String] = [:]

    init(generator: DemoYearGenerator, agencyID: Int, agencyName: String, items: [ComplianceItem], admin: User) {
        self.generator = generator
        self.agencyID = agencyID
        self.agencyName = agencyName
        self.items = items
        self.admin = admin
        writer = DemoWriter(agencyName: agencyName)
    }

    var at: CivilDate { generator.at }
    var since: CivilDate { CivilDate(year: generator.year, month: 1, day: 1)! }
    var calendar: WorkingCalendar { generator.calendar }
    var records: RecordRepository { RecordRepository(generator.database) }
    var calculator: DueDateCalculator { DueDateCalculator(calendar: calendar) }
    /// The monitor's default limit for upkeep columns, so the simulation keeps them current by the same rule.
    static let defaultStaleness = ComplianceOptions(at: CivilDate(year: 2026, month: 1, day: 1)!, calendar: WorkingCalendar([])).defaultStaleness

    mutating func run() async throws {
        for item in items { contents[item.id] = try await records.itemContext(nodeID: item.id)?.item.content ?? "" }
        let roles = DemoRoles(items: items, random: &writer.random)
        for item in items where roles.titlePatterned.contains(item.id) {
            try await ComplianceRepository(generator.database).setTitlePattern(nodeID: item.id, agencyID: agencyID,
                                                                               pattern: DemoRoles.proposalPattern, actor: "demo")
        }
        for item in items {
            if item.id == roles.emptyNoted {
                try await PortalQueries(generator.database).setEmptyReason(itemNodeID: item.id, reason: "本机关暂无此类信息（演示）",
                                                                           by: admin, agencyID: agencyID)
                continue
            }
            if item.id == roles.empty {
                expected.append(.init(kind: .emptyItem, item: item.id, note: "空白栏目：整年没有发布"))
                continue
            }
            if roles.interpretationItems.contains(item.id) || roles.policyItems.contains(item.id) { continue }
            if item.rule?.kind == .periodic {
                try await simulatePeriodic(item, missing: roles.periodicMissing == item.id, late: roles.periodicLate == item.id)
            } else {
                try await simulateColumn(item, roles: roles)
            }
        }
        try await simulatePolicies(roles)
    }

    // MARK: Columns and events

    /// Event and upkeep columns: records through the year, each published within its deadline; news columns every
    /// week or so. The last one is recent enough for the column's staleness limit, unless the column is planted stale.
    mutating func simulateColumn(_ item: ComplianceItem, roles: DemoRoles) async throws {
        let limit = item.stalenessLimit(defaultLimit: Self.defaultStaleness)
        let isNews = item.effectiveCategory == .news
        var end = at.adding(days: -1)
        // A planted stale column stops publishing well before its limit runs out (when the year is long enough).
        let stale = roles.stale.contains(item.id) && limit.map { at.adding(days: -(limitDays($0) + 10)) > since.adding(days: 3) } == true
        if stale, let limit { end = at.adding(days: -(limitDays(limit) + 10)) }
        var triggers: [CivilDate] = []
        if isNews {
            var day = since.adding(days: 3)
            while day <= end.adding(days: -2) { triggers.append(day); day = day.adding(days: 6 + Int(writer.random.next() % 4)) }
        } else {
            let count = 2 + Int(writer.random.next() % 4)
            let span = max(end.dayNumber - since.dayNumber - 40, 1)
            triggers = (0..<count).map { since.adding(days: 10 + span * $0 / count + Int(writer.random.next() % 10)) }
        }
        // The newest record must be recent enough: within a third of the limit (news: two days).
        let recent = isNews ? 2 : limit.map { max(limitDays($0) / 3, 3) } ?? 60
        if !stale, let last = triggers.last, last < at.adding(days: -recent) {
            triggers.append(at.adding(days: -recent + 1))
        }
        var lastID: Int?
        for (index, trigger) in triggers.enumerated() {
            let due = dueDate(item, trigger: trigger)
            var day = min(trigger.adding(days: Int(writer.random.next() % 3)), due ?? at, at.adding(days: -1))
            if day < trigger { day = trigger }
            let title = titleFor(item, date: trigger, roles: roles, mismatch: roles.titleMismatch == item.id && index == 0)
            var extra: String?
            var override: String?
            if roles.personalData == item.id && index == 0 {
                extra = "联系人：王某某，联系电话：" + DemoRoles.plantedMobile + "。"
                override = "演示：故意保留的个人信息"
            }
            var late = false
            if roles.lateEvents.contains(item.id) && index == 0, let due, due.adding(days: 4) < at {
                day = due.adding(days: 4)
                late = true
            }
            let id = try await publish(item, title: title, trigger: trigger, on: day, extra: extra, override: override)
            if late { expected.append(.init(kind: .late, item: item.id, record: id, note: "事件信息逾期发布")) }
            if override != nil { expected.append(.init(kind: .personalData, item: item.id, record: id, note: "正文含未去标识化的手机号")) }
            if roles.titleMismatch == item.id && index == 0 {
                expected.append(.init(kind: .titleMismatch, item: item.id, record: id, note: "答复标题不合“对xx次会议第xx号建议/提案的答复”格式"))
            }
            lastID = id
        }
        if stale, let lastID {
            expected.append(.init(kind: .staleItem, item: item.id, record: lastID, note: "栏目超过更新周期未更新"))
        }
        if roles.overdueEvent == item.id { try await plantUnpublished(item, overdue: true) }
        if roles.dueSoonEvent == item.id { try await plantUnpublished(item, overdue: false) }
    }

    /// A record still in review whose deadline has passed (overdue), or falls within the due-soon window.
    mutating func plantUnpublished(_ item: ComplianceItem, overdue: Bool) async throws {
        guard let rule = item.rule else { return }
        var trigger = overdue ? at.adding(days: -60) : at
        if !overdue {
            // The latest trigger whose due date is still at least one workday ahead and within the due-soon window.
            while let due = calculator.quickDue(rule, trigger: trigger.adding(days: -1)), due > at,
                  calendar.workdays(from: at, to: due) >= 1 { trigger = trigger.adding(days: -1) }
            guard let due = calculator.quickDue(rule, trigger: trigger), due > at,
                  calendar.workdays(from: at, to: due) <= generator.dueSoonWorkdays else { return }
        }
        let content = RecordContent(title: writer.eventTitle(for: demoItem(item), date: trigger), issuer: agencyName,
                                    writtenDate: trigger, triggerDate: trigger,
                                    body: writer.body(for: demoItem(item), title: item.name, date: trigger))
        let draft = try await records.createDraft(by: admin, itemNodeIDs: [item.id], content: content)
        if overdue { _ = try await records.submit(by: admin, id: draft.id) }
        expected.append(.init(kind: overdue ? .overdue : .dueSoon, item: item.id, record: draft.id,
                              note: overdue ? "送审后一直未发布，已过期限" : "草稿，期限将至"))
    }

    func limitDays(_ limit: StalenessLimit) -> Int {
        switch limit.unit {
        case .day: limit.count
        case .workday: limit.count * 7 / 5
        case .month: limit.count * 30
        }
    }

    func dueDate(_ item: ComplianceItem, trigger: CivilDate) -> CivilDate? {
        guard let rule = item.rule else { return nil }
        if rule.kind == .composite { return (try? calculator.due(rule, trigger: trigger))?.due }
        return calculator.quickDue(rule, trigger: trigger)
    }

    mutating func titleFor(_ item: ComplianceItem, date: CivilDate, roles: DemoRoles, mismatch: Bool) -> String {
        let demo = demoItem(item)
        if roles.titlePatterned.contains(item.id) {
            let kind = item.name.includes("提案") ? "提案" : "建议"
            if mismatch { return "关于\(writer.topic(for: demo))有关\(kind)的回复" }
            return "对县第十八届人大\(1 + Int(writer.random.next() % 3))次会议第\(10 + Int(writer.random.next() % 90))号\(kind)的答复"
        }
        switch item.effectiveCategory {
        case .news: return writer.newsTitle(for: demo)
        case .notices: return writer.noticeTitle(for: demo, year: date.year)
        default: return writer.eventTitle(for: demo, date: date)
        }
    }

    func demoItem(_ item: ComplianceItem) -> DemoItem {
        DemoItem(nodeID: item.id, name: item.name, path: item.path, content: contents[item.id] ?? "")
    }

    /// Drafts, submits and publishes one record on `day` through the real workflow.
    @discardableResult
    mutating func publish(_ item: ComplianceItem, title: String, trigger: CivilDate?, on day: CivilDate, period: ReportingPeriod? = nil,
                          documentNumber: String = "", validity: Validity? = nil, validUntil: CivilDate? = nil,
                          extra: String? = nil, override: String? = nil) async throws -> Int {
        let content = RecordContent(title: title, documentNumber: documentNumber, issuer: agencyName, writtenDate: trigger,
                                    triggerDate: trigger, reportingPeriod: period?.description ?? "", topic: "医疗保障",
                                    validity: validity, body: writer.body(for: demoItem(item), title: title, date: day, extra: extra),
                                    validUntil: validUntil)
        let draft = try await records.createDraft(by: admin, itemNodeIDs: [item.id], content: content)
        _ = try await records.submit(by: admin, id: draft.id, personalDataAcknowledgement: override)
        _ = try await records.approve(by: admin, id: draft.id, now: DemoYearGenerator.instant(day), personalDataOverride: override)
        published += 1
        return draft.id
    }
}
