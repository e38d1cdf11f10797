import GongkaiCore
import Testing

@Suite struct DueDateCalculatorTests {
    let calculator = DueDateCalculator(calendar: TestCalendar.calendar)
    func date(_ text: String) -> CivilDate { TestCalendar.date(text) }

    @Test func workdayPeriodSkipsHolidaysByNameAndCountsAdjustedWorkdays() throws {
        let result = try calculator.due(DeadlineParser.parse("自该信息形成或者变更之日起5个工作日内"), trigger: date("2026-09-30"))
        #expect(result.due == date("2026-10-13"))
        #expect(!result.provisional)
        #expect(result.explanation.contains("2026-10-01至2026-10-07（国庆节）"))
        #expect(result.explanation.contains("2026-10-10（国庆节调休）"))
        #expect(result.explanation.contains("自次日2026-10-01起算"))
    }

    @Test func calendarDayPeriodEndingOnAHolidayMovesToTheNextWorkday() throws {
        // 2026-09-20 + 15 days = 2026-10-05, in the National Day holiday → 2026-10-08 (民法典第二百零三条).
        let result = try calculator.due(DeadlineParser.parse("批复后15日内"), trigger: date("2026-09-20"))
        #expect(result.due == date("2026-10-08"))
        #expect(result.explanation.contains("顺延"))
    }

    @Test func monthsEndOnTheCorrespondingDay() throws {
        let result = try calculator.due(DeadlineParser.parse("答复建议和提案提出人1个月内。"), trigger: date("2024-01-31"))
        #expect(result.due == date("2024-02-29"))
    }

    @Test func periodicRules() throws {
        func due(_ text: String, _ period: String) throws -> CivilDate? {
            try calculator.due(DeadlineParser.parse(text), period: ReportingPeriod(period)!).due
        }
        #expect(try due("每年1月31日前公开", "2024") == date("2025-01-31"))
        #expect(try due("每年6月底前及时公开", "2024") == date("2024-06-30"))
        #expect(try due("每季度首月15日前公开上一季度工作进展情况", "2024Q3") == date("2024-10-15"))
        #expect(try due("每年4月、7月、10月和次年1月的10日前公开上一季度救助情况", "2024Q4") == date("2025-01-10"))
        #expect(try due("2021年4月、7月、10月和2022年1月10日前公开上一季度工作进展情况", "2021Q1") == date("2021-04-10"))
        #expect(try due("2021年4月、7月、10月和2022年1月10日前公开上一季度工作进展情况", "2023Q1") == nil)
        // No day given: the agency default, 20 workdays after the period ends.
        let quarterly = try calculator.due(DeadlineParser.parse("按季度发布医疗救助花名册。"), period: ReportingPeriod("2024Q3")!)
        #expect(quarterly.due == TestCalendar.calendar.adding(workdays: 20, to: date("2024-09-30")))
        #expect(quarterly.explanation.contains("文本未给出具体日期"))
        #expect(throws: DueDateCalculator.Failure.self) { try due("每年1月31日前公开", "2024Q1") }
    }

    @Test func compositePicksTheBranchForTheRecordKind() throws {
        let rule = DeadlineParser.parse("在执法决定作出之日起20个工作日内，行政许可、行政处罚的执法决定信息在执法决定作出之日起7个工作日内公开，法律、行政法规另有规定的从其规定。")
        let penalty = try calculator.due(rule, trigger: date("2024-03-01"), recordKind: "行政处罚")
        #expect(penalty.due == TestCalendar.calendar.adding(workdays: 7, to: date("2024-03-01")))
        let other = try calculator.due(rule, trigger: date("2024-03-01"))
        #expect(other.due == TestCalendar.calendar.adding(workdays: 20, to: date("2024-03-01")))
        #expect(other.explanation.contains("从其规定"))
    }

    @Test func promptUsesTheConfigurableDefault() throws {
        let standard = try calculator.due(DeadlineParser.parse("及时公开。"), trigger: date("2024-05-06"))
        #expect(standard.due == TestCalendar.calendar.adding(workdays: 20, to: date("2024-05-06")))
        let strict = DueDateCalculator(calendar: TestCalendar.calendar, defaults: DeadlineDefaults(promptWorkdays: 5))
        #expect(try strict.due(DeadlineParser.parse("及时公开。"), trigger: date("2024-05-06")).due
                == TestCalendar.calendar.adding(workdays: 5, to: date("2024-05-06")))
    }

    @Test func provisionalBeyondTheData() throws {
        let result = try calculator.due(DeadlineParser.parse("自该信息形成或者变更之日起20个工作日内"), trigger: date("2026-12-20"))
        #expect(result.provisional)
        #expect(result.explanation.contains("临时"))
    }

    @Test func rulesWithoutADateSaySo() throws {
        #expect(try calculator.due(DeadlineParser.parse("当年元月某日")).due == nil)
        #expect(try calculator.due(DeadlineParser.parse("自该信息形成或者变更之日起20个工作日内")).explanation.contains("--from"))
        #expect(try calculator.due(DeadlineParser.parse("与所解读文件同步公开"), trigger: date("2024-05-06")).due == date("2024-05-06"))
    }
}
