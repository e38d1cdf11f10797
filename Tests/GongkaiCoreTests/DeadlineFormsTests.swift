import GongkaiCore
import Testing

/// 时限 wordings found in catalogs outside the five seeds, each with the rule it must parse to.
@Suite struct DeadlineFormsTests {
    struct Form: Sendable, CustomTestStringConvertible {
        var text: String
        var kind: DeadlineRule.Kind
        var periodic: PeriodicTerm?
        var relative: RelativeTerm?
        var continuous = false
        /// unparsed: a part of the reason.
        var reason: String?

        var testDescription: String { text.isEmpty ? "(empty)" : text }
    }

    static func after(_ frequency: PeriodicTerm.Frequency, _ count: Int, _ unit: RelativeTerm.Unit) -> PeriodicTerm {
        PeriodicTerm(frequency: frequency, reported: .previous, reportedInferred: false, dueMonth: nil, dueDay: nil,
                     afterPeriodEnd: .init(count: count, unit: unit))
    }

    static func periodic(_ text: String, _ frequency: PeriodicTerm.Frequency, _ reported: PeriodicTerm.Reported, inferred: Bool,
                         month: Int?, day: Int?) -> Form {
        Form(text: text, kind: .periodic, periodic: PeriodicTerm(frequency: frequency, reported: reported, reportedInferred: inferred,
                                                                dueMonth: month, dueDay: day))
    }

    static func relative(_ text: String, _ count: Int, _ unit: RelativeTerm.Unit, _ trigger: String) -> Form {
        Form(text: text, kind: .relative, relative: RelativeTerm(count: count, unit: unit, trigger: trigger))
    }

    static let afterPeriodEnd: [Form] = [
        Form(text: "每季度结束后15日内公开", kind: .periodic, periodic: after(.quarterly, 15, .day)),
        Form(text: "每季度结束后15个工作日内公开", kind: .periodic, periodic: after(.quarterly, 15, .workday)),
        Form(text: "季度终了后十日内", kind: .periodic, periodic: after(.quarterly, 10, .day)),
        Form(text: "上一季度结束后10个工作日内公开上一季度情况", kind: .periodic, periodic: after(.quarterly, 10, .workday)),
        Form(text: "每月结束后5个工作日内", kind: .periodic, periodic: after(.monthly, 5, .workday)),
        Form(text: "每年结束后30日内", kind: .periodic, periodic: after(.yearly, 30, .day)),
        Form(text: "每半年结束后20日内公开", kind: .periodic, periodic: after(.halfYearly, 20, .day)),
        Form(text: "年度终了后3个月内", kind: .periodic, periodic: after(.yearly, 3, .month)),
        Form(text: "年度结束后三个月内公开", kind: .periodic, periodic: after(.yearly, 3, .month)),
    ]

    static let cycles: [Form] = [
        periodic("每月10日前公开上月财政收支情况", .monthly, .previous, inferred: false, month: 1, day: 10),
        periodic("每季度第一个月10日前公开上一季度情况", .quarterly, .previous, inferred: false, month: 1, day: 10),
        periodic("按月公开", .monthly, .previous, inferred: true, month: nil, day: nil),
        periodic("按季公开", .quarterly, .previous, inferred: true, month: nil, day: nil),
        periodic("按年度公开", .yearly, .previous, inferred: true, month: nil, day: nil),
        periodic("每年公开一次", .yearly, .previous, inferred: true, month: nil, day: nil),
        periodic("每年3月31日前", .yearly, .previous, inferred: true, month: 3, day: 31),
        periodic("次年3月31日前公开", .yearly, .previous, inferred: false, month: 3, day: 31),
        periodic("每年5月底前公开", .yearly, .same, inferred: true, month: 5, day: 0),
        // 第一季度: by the end of March; the half-year texts: a month of the half after the reported one.
        periodic("于每年第一季度公开上一年度政府信息公开工作年度报告", .yearly, .previous, inferred: false, month: 3, day: 0),
        periodic("每年一季度内公开", .yearly, .previous, inferred: true, month: 3, day: 0),
        periodic("每年7月底前公开上半年工作情况", .halfYearly, .previous, inferred: false, month: 1, day: 0),
        periodic("次年1月底前公开下半年工作情况", .halfYearly, .previous, inferred: false, month: 1, day: 0),
        periodic("每年7月底前公开下半年工作计划", .halfYearly, .same, inferred: false, month: 1, day: 0),
    ]

    static let triggered: [Form] = [
        relative("信息形成之日起5个工作日内", 5, .workday, "信息形成或者变更"),
        relative("收到申请之日起7日内", 7, .day, "收到申请"),
        relative("会议召开后3个工作日内", 3, .workday, "会议召开"),
        relative("招录工作结束后5个工作日内公开", 5, .workday, "招录工作结束"),
        relative("发布当日公开", 0, .day, "发布"),
        relative("会议召开当天", 0, .day, "会议召开"),
        relative("当日公开", 0, .day, "信息形成或者变更"),
        relative("次日公开", 1, .day, "信息形成或者变更"),
        relative("会议召开后第二天公开", 1, .day, "会议召开"),
        Form(text: "即时公开", kind: .prompt),
        Form(text: "实时公开", kind: .prompt),
        Form(text: "实时", kind: .prompt),
        Form(text: "根据工作进度及时公开", kind: .prompt),
    ]

    static let withoutDate: [Form] = [
        Form(text: "实时更新", kind: .continuous, continuous: true),
        Form(text: "长期公开", kind: .continuous, continuous: true),
        Form(text: "常年公开", kind: .continuous, continuous: true),
        Form(text: "长期", kind: .continuous, continuous: true),
        Form(text: "常态化公开", kind: .continuous, continuous: true),
        Form(text: "随时更新", kind: .continuous, continuous: true),
        Form(text: "动态更新", kind: .continuous, continuous: true),
        Form(text: "动态调整", kind: .continuous, continuous: true),
        Form(text: "自该信息形成之日起20个工作日内公开，长期公开", kind: .relative,
             relative: RelativeTerm(count: 20, unit: .workday, trigger: "信息形成或者变更"), continuous: true),
        Form(text: "定期", kind: .unparsed, reason: "定期"),
        Form(text: "按照上级要求", kind: .unparsed, reason: "上级要求"),
        Form(text: "——", kind: .unparsed, reason: "未填写"),
        Form(text: "/", kind: .unparsed, reason: "未填写"),
        Form(text: "无", kind: .unparsed, reason: "未填写"),
        Form(text: " ", kind: .unparsed, reason: "未填写"),
    ]

    static func check(_ form: Form) {
        let rule = DeadlineParser.parse(form.text)
        #expect(rule.kind == form.kind)
        #expect(rule.continuous == form.continuous)
        if let periodic = form.periodic { #expect(rule.periodic == periodic) }
        if let relative = form.relative { #expect(rule.relative == relative) }
        if let reason = form.reason { #expect(rule.reason?.contains(reason) == true, "\(rule.reason ?? "nil")") }
        #expect(!rule.summary.isEmpty)
    }

    @Test(arguments: afterPeriodEnd) func dueAfterThePeriodEnds(_ form: Form) { Self.check(form) }
    @Test(arguments: cycles) func dueOncePerCycle(_ form: Form) { Self.check(form) }
    @Test(arguments: triggered) func dueAfterAnEvent(_ form: Form) { Self.check(form) }
    @Test(arguments: withoutDate) func noSingleDueDate(_ form: Form) { Self.check(form) }

    @Test func inferredReadingsAreExplained() {
        #expect(DeadlineParser.parse("每年第一季度公开上年度报告").interpretation?.contains("3月底") == true)
        #expect(DeadlineParser.parse("实时公开").interpretation?.contains("及时公开") == true)
        #expect(DeadlineParser.parse("长期公开").interpretation?.contains("常设信息") == true)
        #expect(DeadlineParser.parse("每年7月底前公开上半年工作情况").interpretation?.contains("下半年按同一间隔推算（1月底前）") == true)
        #expect(DeadlineParser.parse("每年1月31日前公开").interpretation == nil)
    }

    @Test func summariesNameTheNewForms() {
        #expect(DeadlineParser.parse("每季度结束后15日内公开").summary == "每季度结束后15日（自然日）内公开该期情况")
        #expect(DeadlineParser.parse("每月结束后5个工作日内").summary == "每月结束后5个工作日内公开该期情况")
        #expect(DeadlineParser.parse("发布当日公开").summary == "当日：发布当天公开")
        #expect(DeadlineParser.parse("次日公开").summary.hasPrefix("次日："))
    }
}
