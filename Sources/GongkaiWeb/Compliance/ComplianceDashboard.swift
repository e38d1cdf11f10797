import GongkaiCore
import GongkaiStore

/// The numbers of the compliance dashboard, from one sweep (`ComplianceSweep`): verdicts, findings by kind and
/// by department, and the 12-month trend of deadline obligations. `+Query` loads it, `+Page` and `+Export` turn
/// it into the page and the .xlsx.
struct ComplianceDashboard: Sendable {
    var report: ComplianceReport
    var items: [Int: ComplianceItem]
    var recordTitles: [Int: String]
    /// The agencies in scope, by id.
    var agencies: [AgencyDirectory.AgencyRow]
    /// Their departments, by agency then id.
    var departments: [AgencyDirectory.DepartmentRow]
    /// Item id → responsible department ids.
    var departmentsByItem: [Int: [Int]]

    /// What the dashboard looks at: one agency or all, on a day, optionally one kind of finding.
    struct Filter: Sendable, Equatable {
        var agencyID: Int?
        var at: CivilDate
        var kind: Finding.Kind?
        var page = 1

        /// The dashboard (or its export, `.complianceExport`) with this filter, `kind` and `page` replaced.
        func url(_ page: SiteURL = .compliance, kind: Finding.Kind?? = .none, page number: Int = 1) -> String {
            let path = page.path
            let page = number
            var query: [String] = []
            if let agencyID { query.append("agency=\(agencyID)") }
            query.append("at=\(at)")
            if let kind = kind ?? self.kind { query.append("kind=\(kind.rawValue)") }
            if page > 1 { query.append("page=\(page)") }
            return path + "?" + query.joined(separator: "&")
        }
    }

    /// Kinds still to be dealt with; a late publication and a late 解读 are history.
    static let openKinds: Set<Finding.Kind> = Set(Finding.Kind.allCases).subtracting([.late, .unsyncedInterpretation])

    var allAgencies: Bool { agencies.count != 1 }

    func agencyName(_ id: Int) -> String { agencies.first { $0.id == id }?.name ?? "机关#\(id)" }

    func itemName(_ id: Int) -> String { items[id]?.name ?? "事项#\(id)" }

    func recordTitle(_ id: Int) -> String { recordTitles[id] ?? "信息#\(id)" }

    /// The names of an item's responsible departments.
    /// The agency a finding is about: its item's, or its own for agency-level findings (the annual report).
    func findingAgency(_ finding: Finding) -> String {
        (finding.itemID.flatMap { items[$0] }?.agencyID ?? finding.agencyID).map(agencyName) ?? ""
    }

    func departmentNames(itemID: Int?) -> [String] {
        guard let itemID else { return [] }
        let names = Dictionary(uniqueKeysWithValues: departments.map { ($0.id, $0.name) })
        return (departmentsByItem[itemID] ?? []).compactMap { names[$0] }
    }

    /// Findings by kind, in `Finding.Kind` order, kinds with none left out.
    func kindCounts() -> [(kind: Finding.Kind, count: Int)] {
        var counts: [Finding.Kind: Int] = [:]
        for finding in report.findings { counts[finding.kind, default: 0] += 1 }
        return Finding.Kind.allCases.compactMap { kind in counts[kind].map { (kind, $0) } }
    }

    struct DepartmentCount: Sendable, Equatable {
        /// nil: findings of items without a responsible department (or of records without an item).
        var departmentID: Int?
        var label: String
        var counts: [Finding.Kind: Int]
        var total: Int
        /// Findings of `openKinds`.
        var open: Int
    }

    /// One row per department in scope, then one for findings without a department if there are any. A finding
    /// counts for every responsible department of its item.
    func departmentCounts() -> [DepartmentCount] {
        var rows = departments.map { department in
            DepartmentCount(departmentID: department.id,
                            label: allAgencies ? "\(agencyName(department.agencyID)) · \(department.name)" : department.name,
                            counts: [:], total: 0, open: 0)
        }
        let index = Dictionary(uniqueKeysWithValues: rows.enumerated().map { ($1.departmentID!, $0) })
        var unassigned = DepartmentCount(departmentID: nil, label: "未指定科室", counts: [:], total: 0, open: 0)
        func add(_ finding: Finding, to row: inout DepartmentCount) {
            row.counts[finding.kind, default: 0] += 1
            row.total += 1
            if Self.openKinds.contains(finding.kind) { row.open += 1 }
        }
        for finding in report.findings {
            let targets = (finding.itemID.flatMap { departmentsByItem[$0] } ?? []).compactMap { index[$0] }
            if targets.isEmpty { add(finding, to: &unassigned) }
            for target in targets { add(finding, to: &rows[target]) }
        }
        return unassigned.total > 0 ? rows + [unassigned] : rows
    }

    struct Month: Sendable, Equatable {
        var year: Int
        var month: Int
        var onTime = 0
        var late = 0
        /// Due in the month and still not published.
        var missing = 0
        var label: String { "\(year)-\(month < 10 ? "0" : "")\(month)" }
    }

    /// The 12 months up to `report.at` (oldest first): deadline obligations (periodic and event; a column's
    /// currency is judged by the verdict instead) due in each month, by whether they were met on time, late,
    /// or not yet. Obligations still open before their due date are not counted.
    func trend() -> [Month] {
        var months = (0..<12).map { offset -> Month in
            let (year, month, _) = report.at.adding(months: offset - 11).components
            return Month(year: year, month: month)
        }
        let index = Dictionary(uniqueKeysWithValues: months.enumerated().map { ($1.year * 12 + $1.month, $0) })
        for obligation in report.obligations where obligation.kind != .continuous {
            guard let due = obligation.due, let slot = index[due.year * 12 + due.components.month] else { continue }
            switch obligation.state {
            case .metOnTime: months[slot].onTime += 1
            case .metLate: months[slot].late += 1
            case .overdue: months[slot].missing += 1
            case .open, .dueSoon, .empty, .notComputable: break
            }
        }
        return months
    }
}
