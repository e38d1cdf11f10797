import Foundation
import GongkaiCore
import GongkaiInterchange
import GongkaiStore
import Testing

/// Records that give 沂源's compliance check findings with record links, and the sweep the tests compare against.
extension WebFixture {
    struct ComplianceRecords {
        /// A periodic report published after its due date (a 逾期发布 finding with its record).
        var latePeriodic: Int
        /// An enforcement result formed 60 days ago and published today (逾期发布).
        var lateEvent: Int
        /// One formed 60 days ago, submitted but not approved. (Not yet a finding: the sweep reads the trigger
        /// date from the columns publication fills in.)
        var pendingEvent: Int
    }

    var calendar: WorkingCalendar { get throws { WorkingCalendar(try HolidayData.bundledYears()) } }

    var today: CivilDate { CivilDate(localDate: Date()) }

    func sweep(agencyID: Int?, at: CivilDate) async throws -> ComplianceReport {
        try await ComplianceSweep(database: database, calendar: try calendar).run(agencyID: agencyID, at: at)
    }

    func seedComplianceRecords() async throws -> ComplianceRecords {
        let records = RecordRepository(database)
        let admin = users["agencyadmin"]!
        let before = try await sweep(agencyID: yiyuan, at: today)
        let missed = try #require(before.obligations.first { $0.kind == .periodic && $0.state == .overdue })
        let periodic = try await records.createDraft(by: admin, itemNodeIDs: [missed.itemID],
                                                     content: RecordContent(title: "\(missed.period!.chinese)医疗救助人数及资金支出情况",
                                                                            reportingPeriod: missed.period!.description))
        _ = try await records.submit(by: admin, id: periodic.id)
        _ = try await records.approve(by: admin, id: periodic.id)
        let enforcement = try await item("执法结果")
        let formed = today.adding(days: -60)
        let late = try await records.createDraft(by: admin, itemNodeIDs: [enforcement],
                                                 content: RecordContent(title: "行政处罚决定书（沂医保罚〔演示〕1号）", triggerDate: formed))
        _ = try await records.submit(by: admin, id: late.id)
        _ = try await records.approve(by: admin, id: late.id)
        let overdue = try await records.createDraft(by: admin, itemNodeIDs: [enforcement],
                                                    content: RecordContent(title: "行政处罚决定书（沂医保罚〔演示〕2号）", triggerDate: formed))
        _ = try await records.submit(by: admin, id: overdue.id)
        return ComplianceRecords(latePeriodic: periodic.id, lateEvent: late.id, pendingEvent: overdue.id)
    }

    /// Item id → names of its responsible departments, read straight from the tables.
    func departmentNamesByItem() async throws -> [Int: [String]] {
        var result: [Int: [String]] = [:]
        for row in try await database.sql.raw("""
            SELECT i.node_id, d.name FROM item_departments i JOIN departments d ON d.id = i.department_id ORDER BY i.node_id, i.position
            """).all() {
            result[try row.decode(column: "node_id", as: Int.self), default: []].append(try row.decode(column: "name", as: String.self))
        }
        return result
    }
}
