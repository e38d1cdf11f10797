import GongkaiCore
import GongkaiStore

extension ComplianceDashboard {
    static let pageSize = 100
    /// 按时 / 逾期发布 / 未发布: dark enough for 3:1 against white and told apart by the legend and the table.
    static let trendSeries = [BarChartSVG.Series(name: "按时", colour: "#2e7d32"), BarChartSVG.Series(name: "逾期发布", colour: "#b45309"),
                              BarChartSVG.Series(name: "未发布", colour: "#a8071a")]

    /// The page for `filter`; `selectable` are the agencies the user may pick (system administrators: all).
    func page(_ filter: Filter, selectable: [AgencyDirectory.AgencyRow], canManageFeeds: Bool) -> PageView {
        let shown = filter.kind.map { kind in report.findings.filter { $0.kind == kind } } ?? report.findings
        let pages = max(1, (shown.count + Self.pageSize - 1) / Self.pageSize)
        let pageNumber = min(max(1, filter.page), pages)
        let slice = shown.dropFirst((pageNumber - 1) * Self.pageSize).prefix(Self.pageSize)
        let kinds = kindCounts()
        let columns = kinds.map(\.kind)
        let departmentRows = departmentCounts()
        let months = trend()
        let range = slice.isEmpty ? "" : "第\((pageNumber - 1) * Self.pageSize + 1)–\((pageNumber - 1) * Self.pageSize + slice.count)条，共\(shown.count)条"
        return PageView(
            at: report.at.description, window: "\(report.windowStart)至\(report.windowEnd)",
            scope: allAgencies ? "全部机关" : agencies.first?.name ?? "",
            allAgencies: allAgencies, canPickAgency: !selectable.isEmpty,
            agencyOptions: [Option(value: "", label: "全部机关", selected: filter.agencyID == nil)]
                + selectable.map { Option(value: String($0.id), label: $0.name, selected: $0.id == filter.agencyID) },
            kindOptions: [Option(value: "", label: "全部类型", selected: filter.kind == nil)]
                + Finding.Kind.allCases.map { Option(value: $0.rawValue, label: $0.label, selected: $0 == filter.kind) },
            kindFilter: filter.kind?.label,
            verdicts: report.verdicts.map { verdictCard($0, filter: filter) },
            note: report.verdicts.first.map { $0.summary.split(separator: "\n").last.map(String.init) ?? "" } ?? "",
            kindCounts: kinds.map { KindCount(kind: $0.kind.rawValue, label: $0.kind.label, count: $0.count,
                                              url: filter.url(kind: .some($0.kind)), selected: $0.kind == filter.kind) },
            hasKindCounts: !kinds.isEmpty, totalFindings: report.findings.count,
            departmentColumns: columns.map(\.label),
            departments: departmentRows.map { row in
                DepartmentRow(label: row.label, counts: columns.map { row.counts[$0] ?? 0 }, total: row.total, open: row.open)
            },
            findings: slice.map(findingRow), hasFindings: !slice.isEmpty, shownFindings: range,
            previousPage: pageNumber > 1 ? filter.url(page: pageNumber - 1) : nil,
            nextPage: pageNumber < pages ? filter.url(page: pageNumber + 1) : nil,
            trend: months.map { MonthRow(label: $0.label, onTime: $0.onTime, late: $0.late, missing: $0.missing, total: $0.onTime + $0.late + $0.missing) },
            trendChart: trendChart(months), departmentChart: departmentChart(departmentRows),
            exportURL: filter.url(.complianceExport, page: 1), canManageFeeds: canManageFeeds)
    }

    func verdictCard(_ verdict: InspectionVerdict, filter: Filter) -> VerdictCard {
        let lines = verdict.summary.split(separator: "\n").map(String.init)
        var flags: [FlagView] = []
        if !verdict.policiesWithoutInterpretation.isEmpty {
            flags.append(FlagView(label: "政策文件未发布解读（\(verdict.policiesWithoutInterpretation.count)件，不否决）",
                                  records: verdict.policiesWithoutInterpretation.map(recordLink)))
        }
        if !verdict.personalDataRecords.isEmpty {
            flags.append(FlagView(label: "已发布信息含未去标识化的个人信息（\(verdict.personalDataRecords.count)条，不否决）",
                                  records: verdict.personalDataRecords.map(recordLink)))
        }
        let agencyFilter = Filter(agencyID: verdict.agencyID, at: filter.at, kind: nil)
        return VerdictCard(
            agencyID: verdict.agencyID, agency: agencyName(verdict.agencyID), passed: verdict.passed, headline: lines.first ?? "",
            conditions: verdict.conditions.map { condition in
                ConditionView(explanation: condition.explanation, met: condition.met, count: condition.count, threshold: condition.threshold,
                              items: condition.itemIDs.map(itemLink), hasItems: !condition.itemIDs.isEmpty)
            },
            flags: flags, agencyURL: allAgencies ? agencyFilter.url() : nil)
    }

    func itemLink(_ id: Int) -> LinkView { LinkView(label: itemName(id), url: SiteURL.adminItem(id).path) }

    func recordLink(_ id: Int) -> LinkView { LinkView(label: recordTitle(id), url: SiteURL.adminRecord(id).path) }

    /// An agency-level finding (the annual report) links to that year's report.
    func reportLink(_ finding: Finding) -> LinkView? {
        guard let agency = finding.agencyID, let year = finding.period?.year else { return nil }
        return LinkView(label: "\(year)年政府信息公开工作年度报告", url: SiteURL.adminReport(agency: agency, year: year).path)
    }

    func findingRow(_ finding: Finding) -> FindingRow {
        FindingRow(kind: finding.kind.rawValue, kindLabel: finding.kind.label,
                   agency: findingAgency(finding),
                   item: finding.itemID.map(itemLink) ?? reportLink(finding), record: finding.recordID.map(recordLink),
                   departments: departmentNames(itemID: finding.itemID).joined(separator: "、"),
                   due: finding.due?.description ?? "", published: finding.published?.description ?? "",
                   rule: finding.rule, explanation: finding.explanation)
    }

    func trendChart(_ months: [Month]) -> String {
        let total = months.reduce(0) { $0 + $1.onTime + $1.late + $1.missing }
        let missing = months.reduce(0) { $0 + $1.missing }, late = months.reduce(0) { $0 + $1.late }
        return BarChartSVG(
            id: "trend-chart", title: "近12个月到期的公开义务",
            description: "\(months.first?.label ?? "")至\(months.last?.label ?? "")每月到期的公开义务共\(total)项，"
                + "其中逾期发布\(late)项、未发布\(missing)项；各月数字见下表。",
            series: Self.trendSeries,
            categories: months.map { BarChartSVG.Category(label: $0.label, values: [$0.onTime, $0.late, $0.missing]) }).render()
    }

    func departmentChart(_ rows: [DepartmentCount]) -> String {
        let open = rows.reduce(0) { $0 + $1.open }
        return BarChartSVG(
            id: "department-chart", title: "各科室待处理问题",
            description: "各科室负责事项的待处理问题（不含已发生的逾期发布和解读未同步）共\(open)项（一项问题涉及多个科室时各计一次）；"
                + "各科室数字见“各科室问题”表的“待处理”列。",
            series: [BarChartSVG.Series(name: "待处理问题", colour: "#1d4ed8")],
            categories: rows.map { BarChartSVG.Category(label: $0.label, values: [$0.open]) }, orientation: .horizontal).render()
    }
}
