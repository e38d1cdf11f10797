/// The view structs of /admin/compliance (Templates/compliance.mustache).
extension ComplianceDashboard {
    struct PageView: Sendable {
        var at: String
        var window: String
        /// "淄博市医疗保障局沂源分局" or "全部机关".
        var scope: String
        var allAgencies: Bool
        /// System administrators choose the agency.
        var canPickAgency: Bool
        var agencyOptions: [Option]
        var kindOptions: [Option]
        /// The label of the kind shown, when filtered.
        var kindFilter: String?
        var verdicts: [VerdictCard]
        /// What the verdict does not cover (the same for every agency).
        var note: String
        var kindCounts: [KindCount]
        var hasKindCounts: Bool
        var totalFindings: Int
        var departmentColumns: [String]
        var departments: [DepartmentRow]
        var findings: [FindingRow]
        var hasFindings: Bool
        var shownFindings: String
        var previousPage: String?
        var nextPage: String?
        var trend: [MonthRow]
        var trendChart: String
        var departmentChart: String
        var exportURL: String
        var canManageFeeds: Bool
        /// 依申请公开: requests overdue or due soon at `at`, computed from their events (filled by the controller).
        var requests: [RequestDueRow] = []
        var hasRequests = false
    }

    /// One overdue or due-soon disclosure request.
    struct RequestDueRow: Sendable {
        var id: Int
        var url: String
        var code: String
        var agency: String
        var status: String
        var received: String
        var due: String
        var remaining: String
        var overdue: Bool
    }

    struct Option: Sendable {
        var value: String
        var label: String
        var selected: Bool
    }

    struct VerdictCard: Sendable {
        var agencyID: Int
        var agency: String
        var passed: Bool
        var headline: String
        var conditions: [ConditionView]
        var flags: [FlagView]
        /// All-agencies view: the link to this agency's dashboard.
        var agencyURL: String?
    }

    struct ConditionView: Sendable {
        var explanation: String
        var met: Bool
        var count: Int
        var threshold: Int
        var items: [LinkView]
        var hasItems: Bool
    }

    /// A non-veto flag: policies without 解读, records with personal data.
    struct FlagView: Sendable {
        var label: String
        var records: [LinkView]
    }

    struct LinkView: Sendable {
        var label: String
        var url: String
    }

    struct KindCount: Sendable {
        var kind: String
        var label: String
        var count: Int
        var url: String
        var selected: Bool
    }

    struct DepartmentRow: Sendable {
        var label: String
        var counts: [Int]
        var total: Int
        var open: Int
    }

    struct FindingRow: Sendable {
        var kind: String
        var kindLabel: String
        var agency: String
        var item: LinkView?
        var record: LinkView?
        var departments: String
        var due: String
        var published: String
        var rule: String
        var explanation: String
    }

    struct MonthRow: Sendable {
        var label: String
        var onTime: Int
        var late: Int
        var missing: Int
        var total: Int
    }
}
