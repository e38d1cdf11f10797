import GongkaiCore

/// A small hand-made catalog of one county 医疗保障局 (agency 1), checked on Monday 2026-11-02.
/// Expected dates were counted by hand on the 2026 calendar (国庆 10-01…10-07, 10-10 a Saturday workday).
enum ComplianceFixture {
    static func date(_ text: String) -> CivilDate { TestCalendar.date(text) }
    static let at = date("2026-11-02")
    static var options: ComplianceOptions { ComplianceOptions(at: at, calendar: TestCalendar.calendar) }

    static let quarterly = DeadlineRule(kind: .periodic, text: "每季度首月15日前公开上一季度情况",
                                        periodic: PeriodicTerm(frequency: .quarterly, reported: .previous,
                                                               reportedInferred: false, dueMonth: 1, dueDay: 15))
    static let sevenWorkdays = DeadlineRule(kind: .relative, text: "自作出决定之日起7个工作日内公开",
                                            relative: RelativeTerm(count: 7, unit: .workday, trigger: "作出决定"))
    static let prompt = DeadlineRule(kind: .prompt, text: "及时公开")
    static let upkeep = DeadlineRule(kind: .continuous, text: "动态调整", continuous: true)
    static let synchronous = DeadlineRule(kind: .synchronous, text: "与所解读文件同步公开", synchronousWith: "所解读文件")

    static let items: [ComplianceItem] = [
        ComplianceItem(id: 1, agencyID: 1, name: "医疗救助资金使用情况", path: ["医疗保障", "医疗救助"], rule: quarterly),
        ComplianceItem(id: 2, agencyID: 1, name: "行政处罚决定", path: ["执法信息"], rule: sevenWorkdays),
        ComplianceItem(id: 3, agencyID: 1, name: "工作动态", path: ["新闻资讯"], rule: prompt, updateFrequency: "每月"),
        ComplianceItem(id: 4, agencyID: 1, name: "通知公告", updateFrequency: "每月"),
        ComplianceItem(id: 5, agencyID: 1, name: "人事信息", path: ["机构信息"]),
        ComplianceItem(id: 6, agencyID: 1, name: "领导信息", path: ["机构信息"], rule: upkeep, updateFrequency: "每季度"),
        ComplianceItem(id: 7, agencyID: 1, name: "统计数据"),
        ComplianceItem(id: 8, agencyID: 1, name: "行政许可", emptyNote: "本单位暂无行政许可事项"),
        ComplianceItem(id: 9, agencyID: 1, name: "规范性文件", path: ["法定主动公开内容"]),
        ComplianceItem(id: 10, agencyID: 1, name: "政策解读", rule: synchronous),
        ComplianceItem(id: 11, agencyID: 1, name: "其他解读材料"),
        ComplianceItem(id: 12, agencyID: 1, name: "建议提案办理", titlePattern: "对xx次会议第xx号建议/提案的答复"),
    ]

    static func record(_ id: Int, _ item: Int, _ title: String, status: RecordStatus = .published, published: String? = nil,
                       trigger: String? = nil, written: String? = nil, period: String? = nil) -> ComplianceRecord {
        ComplianceRecord(id: id, agencyID: 1, itemIDs: [item], title: title, status: status,
                         publishedDate: published.map(date), triggerDate: trigger.map(date), writtenDate: written.map(date),
                         reportingPeriod: period.flatMap(ReportingPeriod.init))
    }

    static var records: [ComplianceRecord] {
        var all = [
            record(101, 1, "2025年第四季度医疗救助资金使用情况", published: "2026-01-10", period: "2025Q4"),
            record(102, 1, "2026年第一季度医疗救助资金使用情况", published: "2026-04-20"),
            record(103, 1, "2026年第二季度医疗救助资金使用情况", published: "2026-07-14", period: "2026Q2"),
            record(104, 1, "2026年第三季度医疗救助资金使用情况", status: .draft, period: "2026Q3"),
            record(201, 2, "行政处罚决定A", published: "2026-10-13", trigger: "2026-09-28"),
            record(202, 2, "行政处罚决定B", published: "2026-11-02", trigger: "2026-10-20"),
            record(203, 2, "行政处罚决定C", status: .draft, trigger: "2026-10-26"),
            record(204, 2, "行政处罚决定D", status: .submitted, written: "2026-10-09"),
            record(205, 2, "行政处罚决定E", status: .draft),
            record(206, 2, "已撤回的决定", status: .withdrawn, trigger: "2026-10-01"),
            record(301, 3, "局领导调研医保经办服务", published: "2026-10-10", trigger: "2026-10-09"),
            record(401, 4, "关于医保缴费的通知", published: "2026-09-15"),
            record(501, 5, "人事任免", published: "2025-09-01"),
            record(601, 6, "领导分工调整", published: "2026-08-05"),
            record(1101, 11, "其他解读", published: "2026-09-17"),
            record(1201, 12, "对县十八届人大三次会议第12号建议的答复", published: "2026-06-01"),
            record(1202, 12, "对县政协十届二次会议第3号提案的答复", published: "2026-06-02"),
            record(1203, 12, "关于建议办理情况的说明", published: "2026-06-03"),
        ]
        all[all.count - 2].personalData = [.mobile]
        var p1 = record(901, 9, "医疗保障基金监管办法", published: "2026-09-01")
        p1.isPolicy = true
        var p2 = record(902, 9, "门诊慢特病管理办法", published: "2026-09-10")
        p2.isPolicy = true; p2.validity = .valid; p2.validUntil = date("2026-06-30"); p2.interpretationIDs = [1102]
        var p3 = record(903, 9, "长期护理保险实施细则", published: "2026-10-12")
        p3.isPolicy = true; p3.validity = .valid
        var p4 = record(904, 9, "医疗救助实施办法", published: "2026-10-30")
        p4.isPolicy = true; p4.validity = .valid
        var i2 = record(1102, 11, "《门诊慢特病管理办法》解读", published: "2026-09-17")
        i2.interpretsIDs = []
        var i3 = record(1001, 10, "《长期护理保险实施细则》解读", published: "2026-10-14")
        i3.interpretsIDs = [903]
        return all + [p1, p2, p3, p4, i2, i3]
    }

    static func check(_ options: ComplianceOptions = options) -> ComplianceReport {
        ComplianceMonitor.check(items: items, records: records, options: options)
    }
}
