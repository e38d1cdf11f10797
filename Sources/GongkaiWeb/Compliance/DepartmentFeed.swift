import GongkaiCore
import GongkaiInterchange

/// A department's calendar (`/ical/departments/ID.ics`): one all-day event per open obligation (not yet met: open,
/// due soon or overdue, with a due date) of the items it is responsible for, on the due date.
struct DepartmentFeed: Sendable {
    var agency: String
    var department: String
    var report: ComplianceReport
    var items: [Int: ComplianceItem]
    var recordTitles: [Int: String]
    /// The department's items.
    var itemIDs: Set<Int>
    /// "https://host", for links to the items.
    var origin: String

    static let openStates: Set<Obligation.State> = [.open, .dueSoon, .overdue]

    var obligations: [Obligation] {
        report.obligations.filter { itemIDs.contains($0.itemID) && Self.openStates.contains($0.state) && $0.due != nil }
    }

    var calendar: ICalendar {
        ICalendar(name: "\(agency) \(department) 公开时限",
                  description: "\(department)负责的公开事项中尚未完成的公开义务，按应公开日期排列（\(report.at)生成）。",
                  events: obligations.sorted { ($0.due!, $0.itemID) < ($1.due!, $1.itemID) }.map(event))
    }

    func event(_ obligation: Obligation) -> ICalendar.Event {
        let due = obligation.due!
        let item = items[obligation.itemID]
        let name = item?.name ?? "事项#\(obligation.itemID)"
        let (detail, key): (String, String) = switch obligation.kind {
        case .periodic: (obligation.period?.chinese ?? "", obligation.period?.description ?? due.description)
        case .event: (obligation.recordIDs.first.flatMap { recordTitles[$0] }.map { "《\($0)》" } ?? "",
                      "\(obligation.triggerDate?.description ?? due.description)-\(obligation.recordIDs.first ?? 0)")
        case .continuous: ("栏目更新", "current")
        }
        let state = switch obligation.state {
        case .overdue: "已逾期"
        case .dueSoon: "即将到期"
        default: "未到期"
        }
        // The finding's explanation states the rule too.
        let explanation = finding(for: obligation)?.explanation
            ?? "应于\(due)前公开「\(name)」\(detail.isEmpty ? "" : "（\(detail)）")。时限：\(obligation.rule)。"
        var lines = ["状态：\(state)", explanation]
        if let item { lines.insert("公开事项：" + item.path.joined(separator: " › "), at: 0) }
        return ICalendar.Event(uid: "obligation-\(obligation.itemID)-\(key)@gongkai", date: due,
                               summary: "\(obligation.state == .overdue ? "逾期" : "到期")：\(name)\(detail.isEmpty ? "" : "（\(detail)）")",
                               description: lines.joined(separator: "\n"), url: SiteURL.adminItem(obligation.itemID).absolute(origin: origin),
                               categories: [state], alarmDaysBefore: obligation.state == .dueSoon ? 1 : nil)
    }

    /// The finding that explains an overdue or due-soon obligation.
    func finding(for obligation: Obligation) -> Finding? {
        report.findings.first { finding in
            finding.itemID == obligation.itemID && finding.due == obligation.due
                && [.overdue, .dueSoon, .staleItem].contains(finding.kind)
                && (obligation.period == nil || finding.period == obligation.period)
                && (obligation.kind != .event || finding.recordID == obligation.recordIDs.first)
        }
    }
}
