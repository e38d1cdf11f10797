import GongkaiCore
import Testing

/// The sweep picks a composite rule's branch itself (for speed); its due dates must equal the calculator's.
@Suite struct CompositeRuleTests {
    let calculator = DueDateCalculator(calendar: TestCalendar.calendar)
    let rule = DeadlineParser.parse("在执法决定作出之日起20个工作日内，行政许可、行政处罚的执法决定信息在执法决定作出之日起7个工作日内公开，法律、行政法规另有规定的从其规定。")
    let at = TestCalendar.date("2026-11-02")

    func sweep(_ kinds: [String?], trigger: String) -> [Obligation] {
        let item = ComplianceItem(id: 1, agencyID: 1, name: "执法决定", rule: rule)
        let records = kinds.enumerated().map { index, kind in
            ComplianceRecord(id: index + 1, agencyID: 1, itemIDs: [1], title: "决定", status: .draft,
                             triggerDate: TestCalendar.date(trigger), recordKind: kind)
        }
        return ComplianceMonitor.check(items: [item], records: records,
                                       options: ComplianceOptions(at: at, calendar: TestCalendar.calendar)).obligations
    }

    @Test func dueDatesAgreeWithTheCalculator() throws {
        for trigger in ["2026-09-28", "2026-10-09", "2026-10-20"] {
            let kinds: [String?] = ["行政处罚", "行政许可", nil]
            let obligations = sweep(kinds, trigger: trigger).filter { $0.kind == .event }
            let expected = try kinds.map { try calculator.due(rule, trigger: TestCalendar.date(trigger), recordKind: $0).due }
            #expect(obligations.map(\.due) == expected)
        }
    }

    @Test func unknownKindIsNotComputableWithTheCalculatorsReason() throws {
        let strict = DeadlineRule(kind: .composite, text: "", branches: [
            .init(label: "行政处罚", recordKinds: ["行政处罚"], rule: DeadlineRule(kind: .relative, text: "",
                  relative: RelativeTerm(count: 7, unit: .workday, trigger: "作出决定"))),
        ])
        let item = ComplianceItem(id: 1, agencyID: 1, name: "执法决定", rule: strict)
        let records = [ComplianceRecord(id: 1, agencyID: 1, itemIDs: [1], title: "决定", status: .draft,
                                        triggerDate: at, recordKind: "行政检查"),
                       ComplianceRecord(id: 2, agencyID: 1, itemIDs: [1], title: "决定", status: .draft, triggerDate: at)]
        let report = ComplianceMonitor.check(items: [item], records: records,
                                             options: ComplianceOptions(at: at, calendar: TestCalendar.calendar))
        let events = report.obligations.filter { $0.kind == .event }
        #expect(events.map(\.state) == [.notComputable, .notComputable])
        #expect(events[0].reason?.contains("没有适用于“行政检查”的分支") == true)
        #expect(events[1].reason?.contains("须填写信息类别") == true)
    }
}
