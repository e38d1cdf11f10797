import Foundation
import GongkaiCore
import Testing

/// The target: a full sweep over 1,000,000 records and five catalogs in under 2 s (release build).
/// Off by default; run with `GONGKAI_BENCH=1 swift test -c release --filter ComplianceBenchmark`.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["GONGKAI_BENCH"] != nil))
struct ComplianceBenchmarkTests {
    static let rules: [DeadlineRule?] = [
        DeadlineRule(kind: .relative, text: "20个工作日", relative: RelativeTerm(count: 20, unit: .workday, trigger: "信息形成或者变更")),
        DeadlineRule(kind: .relative, text: "7个工作日", relative: RelativeTerm(count: 7, unit: .workday, trigger: "作出决定")),
        DeadlineRule(kind: .relative, text: "15日", relative: RelativeTerm(count: 15, unit: .day, trigger: "批复")),
        DeadlineRule(kind: .prompt, text: "及时公开"),
        DeadlineRule(kind: .statutory, text: "按照法定时间公开"),
        DeadlineRule(kind: .periodic, text: "每季度首月15日前", periodic: PeriodicTerm(frequency: .quarterly, reported: .previous,
                                                                                 reportedInferred: false, dueMonth: 1, dueDay: 15)),
        DeadlineRule(kind: .periodic, text: "每月", periodic: PeriodicTerm(frequency: .monthly, reported: .previous,
                                                                        reportedInferred: true, dueMonth: nil, dueDay: nil)),
        DeadlineRule(kind: .composite, text: "行政处罚7个工作日，其他20个工作日", branches: [
            .init(label: "行政处罚", recordKinds: ["行政处罚"], rule: DeadlineRule(kind: .relative, text: "7", relative: RelativeTerm(count: 7, unit: .workday, trigger: "作出决定"))),
            .init(label: "", recordKinds: [], rule: DeadlineRule(kind: .relative, text: "20", relative: RelativeTerm(count: 20, unit: .workday, trigger: "作出决定"))),
        ]),
        DeadlineRule(kind: .synchronous, text: "与所解读文件同步", synchronousWith: "所解读文件"),
        DeadlineRule(kind: .continuous, text: "动态调整", continuous: true),
        nil,
    ]
    static let names = ["工作动态", "通知公告", "规范性文件", "人事信息", "行政处罚", "医疗救助", "政策解读", "统计数据"]

    @Test func millionRecordsUnderTwoSeconds() {
        var random = SplitMix64(state: 42)
        var items: [ComplianceItem] = []
        for agency in 1...5 {
            for index in 0..<300 {
                items.append(ComplianceItem(id: agency * 1000 + index, agencyID: agency, name: Self.names[index % Self.names.count] + "\(index)",
                                            rule: Self.rules[index % Self.rules.count],
                                            updateFrequency: index % 13 == 0 ? "每月" : "",
                                            titlePattern: index % 50 == 0 ? "*通知*" : nil))
            }
        }
        let start = TestCalendar.date("2024-01-01").dayNumber, end = TestCalendar.date("2026-11-02").dayNumber
        var records: [ComplianceRecord] = []
        records.reserveCapacity(1_000_000)
        for id in 1...1_000_000 {
            let item = items[Int(random.next() % UInt64(items.count))]
            let published = CivilDate(dayNumber: start + Int(random.next() % UInt64(end - start)))
            let draft = random.next() % 50 == 0
            var record = ComplianceRecord(id: id, agencyID: item.agencyID, itemIDs: [item.id], title: "关于医保工作的通知\(id)",
                                          status: draft ? .draft : .published, publishedDate: draft ? nil : published,
                                          triggerDate: published.adding(days: -Int(random.next() % 30)),
                                          recordKind: id % 3 == 0 ? "行政处罚" : nil)
            if id % 100 == 0 { record.isPolicy = true; record.validity = id % 300 == 0 ? nil : .valid; record.interpretationIDs = [id + 1] }
            if id % 100 == 1 { record.interpretsIDs = [id - 1] }
            if id % 1000 == 7 { record.personalData = [.mobile] }
            records.append(record)
        }
        var options = ComplianceOptions(at: TestCalendar.date("2026-11-02"), calendar: TestCalendar.calendar)
        options.includeMetObligations = false
        let (lean, leanCPU, report) = Self.measure { ComplianceMonitor(options: options).check(items: items, records: records) }
        options.includeMetObligations = true
        let (all, allCPU, full) = Self.measure { ComplianceMonitor(options: options).check(items: items, records: records) }
        print("compliance sweep, 1,000,000 records, 1,500 items: \(lean) wall / \(leanCPU) CPU without met obligations "
              + "(\(report.obligations.count) obligations, \(report.findings.count) findings); "
              + "\(all) wall / \(allCPU) CPU with all \(full.obligations.count) obligations")
        // CPU time of this thread: other builds on a shared machine stretch the wall clock, not the work.
        #expect(leanCPU < .seconds(2))
        #expect(allCPU < .seconds(2))
    }

    static func measure<T>(_ body: () -> T) -> (wall: Duration, cpu: Duration, result: T) {
        func threadCPU() -> Duration {
            var spec = timespec()
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
            return .seconds(spec.tv_sec) + .nanoseconds(spec.tv_nsec)
        }
        let clock = ContinuousClock()
        let start = clock.now, cpuStart = threadCPU()
        let result = body()
        return (clock.now - start, threadCPU() - cpuStart, result)
    }
}
