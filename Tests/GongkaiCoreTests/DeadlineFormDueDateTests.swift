import GongkaiCore
import Testing

/// Due dates of the forms in DeadlineFormsTests on the bundled calendar. Expected dates were worked out by hand
/// from Sources/GongkaiInterchange/Calendar/Holidays/2025.json and 2026.json (2026-01-01 is a Thursday).
@Suite struct DeadlineFormDueDateTests {
    let calculator = DueDateCalculator(calendar: TestCalendar.calendar)
    func date(_ text: String) -> CivilDate { TestCalendar.date(text) }

    struct PeriodCase: Sendable, CustomTestStringConvertible {
        var text: String
        var period: String
        var due: String
        var testDescription: String { "\(text) @ \(period)" }
    }

    static let periodCases: [PeriodCase] = [
        PeriodCase(text: "每季度结束后15日内公开", period: "2026Q3", due: "2026-10-15"),
        // 2026-09-30 + 10 = 2026-10-10, a Saturday but a 国庆节 adjusted workday: not moved.
        PeriodCase(text: "季度终了后十日内", period: "2026Q3", due: "2026-10-10"),
        // 2026-04-30 + 5 = 2026-05-05, in the 劳动节 holiday (05-01…05-05): moved to 05-06 (民法典第二百零三条).
        PeriodCase(text: "每月结束后5日内公开", period: "2026-04", due: "2026-05-06"),
        // After 2026-04-30: 05-01…05-05 off; 05-06 Wed 1, 05-07 2, 05-08 3, 05-09 Sat (调休上班) 4, 05-10 Sun off, 05-11 Mon 5.
        PeriodCase(text: "每月结束后5个工作日内", period: "2026-04", due: "2026-05-11"),
        PeriodCase(text: "每年结束后30日内", period: "2025", due: "2026-01-30"),
        PeriodCase(text: "年度终了后3个月内", period: "2025", due: "2026-03-31"),
        // Months end on the day corresponding to the period's last day (民法典第二百零二条): 06-30 → 07-30.
        PeriodCase(text: "季度结束后1个月内公开", period: "2026Q2", due: "2026-07-30"),
        // A fixed date stays put even on a Sunday (2026-05-10).
        PeriodCase(text: "每月10日前公开上月财政收支情况", period: "2026-04", due: "2026-05-10"),
        PeriodCase(text: "每季度第一个月10日前公开上一季度情况", period: "2026Q3", due: "2026-10-10"),
        // Agency default, 20 workdays after 2025-12-31: 01-01…01-03 off, 01-04 Sun (调休上班) 1, 01-05…01-09 2–6,
        // 01-12…01-16 7–11, 01-19…01-23 12–16, 01-26…01-29 17–20.
        PeriodCase(text: "按年度公开", period: "2025", due: "2026-01-29"),
        PeriodCase(text: "每年3月31日前", period: "2025", due: "2026-03-31"),
        PeriodCase(text: "于每年第一季度公开上一年度政府信息公开工作年度报告", period: "2025", due: "2026-03-31"),
        PeriodCase(text: "每年7月底前公开上半年工作情况", period: "2026H1", due: "2026-07-31"),
        PeriodCase(text: "次年1月底前公开下半年工作情况", period: "2025H2", due: "2026-01-31"),
        PeriodCase(text: "每年7月底前公开下半年工作计划", period: "2026H2", due: "2026-07-31"),
    ]

    @Test(arguments: periodCases) func perPeriod(_ item: PeriodCase) throws {
        let result = try calculator.due(DeadlineParser.parse(item.text), period: ReportingPeriod(item.period)!)
        #expect(result.due == date(item.due), "\(result.explanation)")
        #expect(!result.provisional)
    }

    struct TriggerCase: Sendable, CustomTestStringConvertible {
        var text: String
        var trigger: String
        var due: String
        var testDescription: String { "\(text) from \(trigger)" }
    }

    static let triggerCases: [TriggerCase] = [
        // 当日: no period is counted, so nothing moves, even on a holiday.
        TriggerCase(text: "发布当日公开", trigger: "2026-10-03", due: "2026-10-03"),
        TriggerCase(text: "当日公开", trigger: "2026-09-29", due: "2026-09-29"),
        // 次日 2026-10-01 is in the 国庆节 holiday (10-01…10-07): moved to 10-08.
        TriggerCase(text: "次日公开", trigger: "2026-09-30", due: "2026-10-08"),
        TriggerCase(text: "会议召开后第二天公开", trigger: "2026-10-08", due: "2026-10-09"),
        // 09-30 + 7 = 10-07, still the holiday: 10-08.
        TriggerCase(text: "收到申请之日起7日内", trigger: "2026-09-30", due: "2026-10-08"),
        // After 09-30: 10-01…10-07 off; 10-08 1, 10-09 2, 10-10 Sat (调休上班) 3.
        TriggerCase(text: "会议召开后3个工作日内", trigger: "2026-09-30", due: "2026-10-10"),
    ]

    @Test(arguments: triggerCases) func fromTrigger(_ item: TriggerCase) throws {
        let result = try calculator.due(DeadlineParser.parse(item.text), trigger: date(item.trigger))
        #expect(result.due == date(item.due), "\(result.explanation)")
        #expect(calculator.quickDue(DeadlineParser.parse(item.text), trigger: date(item.trigger)) == result.due)
    }

    @Test func quarterEndPlusFifteenDays() throws {
        let result = try calculator.due(DeadlineParser.parse("每季度结束后15日内公开"), period: ReportingPeriod("2026Q3")!)
        #expect(result.due == date("2026-10-15"))
        #expect(result.explanation.contains("期末（2026-09-30）后第15日：2026-10-15"))
        #expect(result.explanation.contains("自期末次日2026-10-01起算（民法典第二百零一条）"))
        #expect(result.explanation.hasSuffix("到期日：2026-10-15。"))
        #expect(!result.explanation.contains("文本未给出具体日期"))
        #expect(!result.explanation.contains("推定"))
    }

    @Test func quarterEndPlusFifteenWorkdays() throws {
        // 2026Q3 ends Wednesday 2026-09-30; the count starts on 10-01 (民法典第二百零一条).
        // 10-01…10-07 国庆节 (off); 10-08 Thu 1, 10-09 Fri 2, 10-10 Sat 调休上班 3, 10-11 Sun off,
        // 10-12…10-16 Mon–Fri 4–8, 10-19…10-23 9–13, 10-26 Mon 14, 10-27 Tue 15.
        let result = try calculator.due(DeadlineParser.parse("每季度结束后15个工作日内公开"), period: ReportingPeriod("2026Q3")!)
        #expect(result.due == date("2026-10-27"))
        #expect(result.explanation.contains("2026-10-01至2026-10-07（国庆节）"))
        #expect(result.explanation.contains("2026-10-10（国庆节调休）"))
        #expect(result.explanation.contains("期末（2026-09-30）后第15个工作日：2026-10-27（星期二）"))
    }

    @Test func yearEndPlusMonths() throws {
        let result = try calculator.due(DeadlineParser.parse("年度结束后3个月内"), period: ReportingPeriod("2025")!)
        #expect(result.due == date("2026-03-31"))
        #expect(result.explanation.contains("民法典第二百零二条"))
        #expect(throws: DueDateCalculator.Failure.self) {
            try calculator.due(DeadlineParser.parse("年度结束后3个月内"), period: ReportingPeriod("2025Q4")!)
        }
    }

    @Test func sameDayAndNextDayExplanations() throws {
        let sameDay = try calculator.due(DeadlineParser.parse("发布当日公开"), trigger: date("2026-10-03"))
        #expect(sameDay.explanation.contains("当日：发布当天公开"))
        #expect(sameDay.explanation.contains("不顺延"))
        let nextDay = try calculator.due(DeadlineParser.parse("次日公开"), trigger: date("2026-09-30"))
        #expect(nextDay.explanation.contains("第1日：2026-10-01"))
        #expect(nextDay.explanation.contains("顺延至2026-10-08（民法典第二百零三条）"))
    }

    @Test func standingInformationHasNoDueDate() throws {
        let result = try calculator.due(DeadlineParser.parse("长期公开"), trigger: date("2026-05-06"))
        #expect(result.due == nil)
        #expect(result.explanation.contains("解读：“长期公开”指常设信息"))
        #expect(result.explanation.contains("没有单一到期日"))
    }
}
