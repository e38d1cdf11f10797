import GongkaiCore
import Testing

/// Inputs the fuzzer (scripts/fuzz deadline) found to crash or hang the 公开时限 parser.
@Suite struct DeadlineFuzzRegressionTests {
    /// A number too long for an Int before 日内 crashed `RelativeParser` (force-unwrapped Int parse).
    @Test func numberLongerThanAnInt() {
        let rule = DeadlineParser.parse("信息形成之日起99999999999999999999个工作日内公开")
        #expect(rule.kind != .relative)
        #expect(DeadlineParser.parse("99999999999999999999日内").kind == .unparsed)
    }

    /// 999999999999999999 workdays fit in an Int and were counted out day by day (a hang); periods longer than ten
    /// years are typos, not periods.
    @Test func periodsLongerThanTenYearsAreNotPeriods() {
        #expect(DeadlineParser.parse("信息形成之日起999999999999999999个工作日内公开").kind != .relative)
        #expect(DeadlineParser.parse("信息形成之日起3661日内公开").kind != .relative)
        #expect(DeadlineParser.parse("信息形成之日起20个工作日内公开").kind == .relative)
    }

    /// Month 0 or 13 in a yearly date was read as a due month, and the due-date calculator force-unwrapped an
    /// impossible date. The fuzzer's input, NULs and all, and the plain cases.
    @Test func impossibleMonth() throws {
        let calculator = DueDateCalculator(calendar: WorkingCalendar([]))
        let period = try #require(ReportingPeriod("2024"))
        let fuzzed = "当年\u{2}\u{FFFD}UnsafeMu\u{FFFD}次年0月31\u{FFFD}前\u{FFFD}开"
        for text in [fuzzed, "每年次年0月31日前公开", "每年13月底前公开", "每年0月公开"] {
            let rule = DeadlineParser.parse(text)
            _ = try? calculator.due(rule, trigger: CivilDate(year: 2024, month: 2, day: 8), period: period)
            #expect(rule.periodic?.dueMonth.map { (1...12).contains($0) } ?? true, "\(text)")
        }
    }
}
