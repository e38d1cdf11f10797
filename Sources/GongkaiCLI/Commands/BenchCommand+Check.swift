import Foundation
import GongkaiCore
import GongkaiInterchange
import GongkaiStore

extension BenchCommand {
    /// `gongkai bench check --records N`: one compliance sweep (ComplianceSweep.check, all agencies) over the five
    /// seed catalogs and N synthetic records held in memory: dates over the past year, a mix of on-time, late and
    /// unpublished records, periods for periodic items, policies with 解读. Loading from the database is not timed.
    func benchCheck() throws {
        var random = SeededGenerator(seed: 2026)
        var items: [ComplianceItem] = []
        for (agency, url) in try DemoCommand.demoFiles().enumerated() {
            let catalog = try CatalogImporter.importFile(at: url, agency: DemoCommand.agencyOverrides[url.lastPathComponent]).catalog
            for pathed in catalog.items {
                items.append(ComplianceItem(id: items.count + 1, agencyID: agency + 1, pathed: pathed))
            }
        }
        let at = CivilDate(year: 2026, month: 11, day: 30)!
        let first = at.adding(months: -13).dayNumber
        var synthetic: [ComplianceRecord] = []
        synthetic.reserveCapacity(records)
        for id in 1...records {
            let item = items[Int(random.next() % UInt64(items.count))]
            let trigger = CivilDate(dayNumber: first + Int(random.next() % UInt64(at.dayNumber - first)))
            let roll = random.next() % 100
            let published: CivilDate? = roll < 3 ? nil : trigger.adding(days: Int(random.next() % (roll < 10 ? 60 : 20)))
            let period: ReportingPeriod? = item.rule?.kind == .periodic
                ? ReportingPeriod.containing(trigger, length: item.rule!.periodic!.frequency.periodLength).previous : nil
            let policy = PolicyItems.holdsPolicies(item)
            synthetic.append(ComplianceRecord(
                id: id, agencyID: item.agencyID, itemIDs: [item.id], title: "第\(id)号信息", status: published == nil ? .submitted : .published,
                publishedDate: published.map { min($0, at) }, triggerDate: trigger, writtenDate: trigger, reportingPeriod: period,
                validity: policy ? .valid : nil, isPolicy: policy, interpretationIDs: policy && roll % 2 == 0 ? [id + 1] : [],
                personalData: roll == 99 ? [.mobile] : []))
        }
        let input = ComplianceSweep.Input(items: items, records: synthetic, monitoringStarts: [:])
        let calendar = WorkingCalendar(try HolidayData.bundledYears())
        var times: [Double] = []
        var findings = 0
        for _ in 0..<max(iterations / 4, 3) {
            let start = ContinuousClock.now
            findings = ComplianceSweep.check(input, at: at, calendar: calendar).findings.count
            times.append(Self.milliseconds(ContinuousClock.now - start))
        }
        print("合规检查：\(items.count)个事项（五个示例目录），\(synthetic.count)条信息，检查日期\(at)，发现问题\(findings)项")
        print(String(format: "  中位数 %.0f ms，最快 %.0f ms，最慢 %.0f ms（%d轮）", Self.median(times), times.min() ?? 0, times.max() ?? 0, times.count))
    }
}
