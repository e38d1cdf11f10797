import Foundation

public enum RecordStatus: String, Codable, Sendable, CaseIterable {
    case draft, submitted, published, rejected, withdrawn

    public var label: String {
        switch self {
        case .draft: "草稿"
        case .submitted: "待审核"
        case .published: "已发布"
        case .rejected: "已退回"
        case .withdrawn: "已撤回"
        }
    }
}

/// The closed list of things that happen to a record; each is one audit entry.
public enum RecordEvent: String, Codable, Sendable, CaseIterable {
    case created, edited, submitted, published, scheduled, rejected, revised, withdrawn

    public var label: String {
        switch self {
        case .created: "新建"
        case .edited: "修改"
        case .submitted: "提交审核"
        case .published: "发布"
        case .scheduled: "定时发布"
        case .rejected: "退回"
        case .revised: "修订"
        case .withdrawn: "撤回"
        }
    }
}

/// draft → submitted → published (or rejected with a reason) → revised (a new version) → withdrawn (reason required).
public enum RecordWorkflow {
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case notAllowed(RecordStatus, RecordEvent)
        case reasonRequired(RecordEvent)

        public var description: String {
            switch self {
            case .notAllowed(let status, let event): "“\(status.label)”状态的信息不能\(event.label)。"
            case .reasonRequired(let event): "\(event.label)必须填写理由。"
            }
        }
    }

    /// The status after `event`, or why the event is not allowed now.
    public static func apply(_ event: RecordEvent, to status: RecordStatus, reason: String? = nil) throws -> RecordStatus {
        if [.rejected, .withdrawn].contains(event), (reason ?? "").trimmed.isEmpty { throw Failure.reasonRequired(event) }
        switch (status, event) {
        case (.draft, .edited), (.rejected, .edited): return status
        case (.draft, .submitted), (.rejected, .submitted): return .submitted
        case (.submitted, .published), (.submitted, .scheduled): return .published
        case (.submitted, .rejected): return .rejected
        case (.published, .revised): return .draft
        case (.published, .withdrawn): return .withdrawn
        default: throw Failure.notAllowed(status, event)
        }
    }
}

/// 索引号: `<organisation code>/<yyyy>-<5-digit serial>` (国办秘函〔2009〕6号: 前段码 is the code without "-").
public enum IndexNumber {
    public static func make(organisationCode: String, year: Int, serial: Int) -> String {
        let code = organisationCode.filter { $0 != "-" }
        let digits = String(serial)
        return "\(code)/\(year)-\(String(repeating: "0", count: max(0, 5 - digits.count)))\(digits)"
    }
}
