import GongkaiCore
import Testing

@Suite struct ColumnCategoryTests {
    @Test func classifiedByNameThenNearestAncestor() {
        #expect(ColumnCategory.classify(name: "工作动态", path: []) == .news)
        #expect(ColumnCategory.classify(name: "图片新闻", path: ["首页"]) == .news)
        #expect(ColumnCategory.classify(name: "通知公告", path: []) == .notices)
        #expect(ColumnCategory.classify(name: "规范性文件", path: ["法定主动公开内容"]) == .notices)
        #expect(ColumnCategory.classify(name: "人事任免", path: []) == .personnelPlanning)
        #expect(ColumnCategory.classify(name: "年度工作计划", path: []) == .personnelPlanning)
        #expect(ColumnCategory.classify(name: "领导信息", path: ["人事信息", "机构领导"]) == .personnelPlanning)
        #expect(ColumnCategory.classify(name: "医疗救助资金", path: ["医疗保障", "医疗救助"]) == .other)
        #expect(ColumnCategory.classify(name: "行政处罚公示", path: ["双公示"]) == .other)
        #expect(ColumnCategory.notices.inspectionLimit?.chinese == "6个月")
        #expect(ColumnCategory.news.inspectionLimit?.chinese == "2周")
        #expect(ColumnCategory.other.inspectionLimit == nil)
    }

    @Test func updateFrequencyTexts() {
        func limit(_ text: String) -> String? { UpdateFrequency.limit(text)?.chinese }
        #expect(limit("每周") == "1周")
        #expect(limit("每月更新") == "1个月")
        #expect(limit("按季度") == "3个月")
        #expect(limit("每半年") == "6个月")
        #expect(limit("每年") == "1年")
        #expect(limit("每年12月") == "1年")
        #expect(limit("每3个月") == "3个月")
        #expect(limit("每两年") == "2年")
        #expect(limit("每十天") == "10天")
        #expect(limit("每个工作日") == "1个工作日")
        #expect(limit("实时更新") == nil)
        #expect(limit("动态调整") == nil)
        #expect(limit("") == nil)
        #expect(UpdateFrequency.limit("每月")?.source == .updateFrequency("每月"))
    }

    @Test func limitDates() {
        let calendar = TestCalendar.calendar
        let last = TestCalendar.date("2026-08-31")
        #expect(StalenessLimit(count: 6, unit: .month, source: .defaultLimit).lastCurrentDay(after: last, calendar: calendar)
                == TestCalendar.date("2027-02-28"))
        #expect(StalenessLimit(count: 14, unit: .day, source: .defaultLimit).lastCurrentDay(after: last, calendar: calendar)
                == TestCalendar.date("2026-09-14"))
        #expect(StalenessLimit(count: 1, unit: .workday, source: .defaultLimit)
                    .lastCurrentDay(after: TestCalendar.date("2026-09-30"), calendar: calendar) == TestCalendar.date("2026-10-08"))
    }
}
