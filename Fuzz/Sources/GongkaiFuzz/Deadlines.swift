import Foundation
import GongkaiCore

/// 公开时限 texts: parsing, the summary shown to staff, and the due date of whatever was read, so a huge
/// number of days read from the text shows up as a hang here rather than in a request.
enum Deadlines {
    static let calculator = DueDateCalculator(calendar: WorkingCalendar([]))
    static let trigger = CivilDate(year: 2024, month: 2, day: 8)!
    static let periods = ["2024", "2024H1", "2024Q3", "2024-03"].compactMap(ReportingPeriod.init)

    @Sendable static func run(_ data: Data) {
        let text = String(decoding: data, as: UTF8.self)
        let rule = DeadlineParser.parse(text)
        _ = rule.summary
        _ = try? JSONEncoder().encode(rule)
        _ = try? calculator.due(rule, trigger: trigger)
        for period in periods { _ = try? calculator.due(rule, trigger: trigger, period: period) }
    }
}
