import GongkaiCore
import Testing

@Suite struct DeadlineParserTests {
    /// Every distinct 时限 text of the five seed catalogs, with the kind it must parse to.
    /// Texts that say nothing computable are `unparsed` (docs/deadlines.md lists them with the reason).
    static let seedTexts: [(String, DeadlineRule.Kind, Bool)] = [
        ("自该信息形成或者变更之日起20个工作日内。", .relative, false),
        ("公开事项信息形成或变更之日起20个工作日内公开", .relative, false),
        ("信息形成（变更）20个工作日内", .relative, false),
        ("按照有关规定及时公开。", .prompt, false),
        ("信息形成或变更之日起20个工作日内", .relative, false),
        ("及时公开并动态调整", .prompt, true),
        ("本级政府财政部门批复后20日内。", .relative, false),
        ("自该信息形成或者获取之日起20个工作日内。", .relative, false),
        ("按规定及时公开。", .prompt, false),
        ("及时公开。", .prompt, false),
        ("与所解读文件同步公开。", .synchronous, false),
        ("一次性公开并动态调整", .prompt, true),
        ("每季度首月15日前公开上一季度工作进展情况", .periodic, false),
        ("自该信息形成或者变更之日起20个工作日内，并根据职能变化动态调整更新。", .relative, true),
        ("自该信息形成或者变更之日起20个工作日内，并动态调整。", .relative, true),
        ("答复建议和提案提出人1个月内。", .relative, false),
        ("检查及查处结果作出之日起的7个工作日内。", .relative, false),
        ("按规定及时发布。", .prompt, false),
        ("按照法定时间公开。", .statutory, false),
        ("定期向县公共信用平台推送,自动抓取信用沂源网站-告知承诺-承诺公示栏目内容", .unparsed, false),
        ("在执法决定作出之日起20个工作日内，行政许可、行政处罚的执法决定信息在执法决定作出之日起7个工作日内公开，法律、行政法规另有规定的从其规定。", .composite, false),
        ("国家、省相关政策文件及时转发，县相关政策及解读在信息形成或变更之日起20日内公开", .composite, false),
        ("及时公开", .prompt, false),
        ("即时公开", .prompt, false),
        ("信息形成（变更）5个工作日内", .relative, false),
        ("信息形成或变更之日起20个工作日内及时公开", .relative, false),
        ("", .unparsed, false),
        ("配套措施制定后20个工作日内", .relative, false),
        ("部门单位所办理人大代表建议和政协委员提案全部答复后20个工作日内", .relative, false),
        ("行政许可和行政处罚决定在决定作出7个工作日内公开，其他执法结果信息形成或变更之日起20个工作日内（另有规定的从其规定）。", .composite, false),
        ("自该信息形成或者变更之日起20个工作日内，并根据指南内容变化情况及时更新。", .relative, true),
        ("自该信息形成或者变更之日起20个工作日内公开，并根据法律、法规、规章立改废释和工作实际情况等进行动态调整。", .relative, true),
        ("登记编号之日起2日内在网站公布", .relative, false),
        ("每年6月底前及时公开", .periodic, false),
        ("每年4月、7月、10月和次年1月的10日前公开上一季度救助人数及资金支出情况。", .periodic, false),
        ("每年1月底前及时公开。", .periodic, false),
        ("每年1月31日前向县政府办公室提交本单位上年度政府信息公开年度报告并公开。", .periodic, false),
        ("每年1月31前公开", .periodic, false),
        ("每半年公示一次", .periodic, false),
        ("次年1月31日前公开。", .periodic, false),
        ("按季度发布医疗救助花名册。", .periodic, false),
        ("当年的信息公开年报于次年1月31前公开", .periodic, false),
        ("当年元月某日", .unparsed, false),
        ("已出台的惠企政策,要及时发布到“惠企政策”栏目,今后新出台的政策,要在政策发布后5个工作日内完成信息上传工作", .composite, false),
        ("在财政局批复预决算及相关信息形成或变更之日起20日内公开。", .relative, false),
        ("及时公开并根据人员变化情况及时更新", .prompt, true),
        ("作出行政许可、行政处罚决定之日起7个工作日内。", .relative, false),
        ("20个工作日内", .relative, false),
        ("2021年4月、7月、10月和2022年1月10日前公开上一季度工作进展情况", .periodic, false),
    ]

    @Test(arguments: seedTexts.indices)
    func seedTextParses(index: Int) {
        let (text, kind, continuous) = Self.seedTexts[index]
        let rule = DeadlineParser.parse(text)
        #expect(rule.kind == kind, "\(text)")
        #expect(rule.continuous == continuous, "\(text)")
        #expect(rule.text == text)
        if kind == .unparsed { #expect(rule.reason != nil) }
    }

    @Test func relativeTermsAndTriggers() {
        #expect(DeadlineParser.parse("自该信息形成或者变更之日起20个工作日内。").relative == RelativeTerm(count: 20, unit: .workday, trigger: "信息形成或者变更"))
        #expect(DeadlineParser.parse("本级政府财政部门批复后20日内。").relative == RelativeTerm(count: 20, unit: .day, trigger: "批复"))
        #expect(DeadlineParser.parse("答复建议和提案提出人1个月内。").relative == RelativeTerm(count: 1, unit: .month, trigger: "答复"))
        #expect(DeadlineParser.parse("登记编号之日起2日内在网站公布").relative?.trigger == "登记编号")
        #expect(DeadlineParser.parse("所办理人大代表建议和政协委员提案全部答复后20个工作日内。").relative?.trigger == "全部答复")
        let bare = DeadlineParser.parse("20个工作日内")
        #expect(bare.relative?.trigger == "信息形成或者变更")
        #expect(bare.notes.first?.contains("未写明起算事件") == true)
    }

    @Test func robustToSpacesFullWidthDigitsAndHao() {
        #expect(DeadlineParser.parse("信息形成或变更之日起 2 0 个 工作日内").relative?.count == 20)
        #expect(DeadlineParser.parse("自该信息形成或者变更之日起２０个工作日内").relative?.count == 20)
        #expect(DeadlineParser.parse("自该信息形成之日起二十个工作日内").relative?.count == 20)
        let quarterly = DeadlineParser.parse("每季度首月 15 号前公开上一季度情况")
        #expect(quarterly.periodic?.dueDay == 15)
        #expect(DeadlineParser.parse("每年1月31号前公开").periodic?.dueDay == 31)
    }

    @Test func periodicTerms() {
        let annual = DeadlineParser.parse("每年1月31日前公开").periodic!
        #expect((annual.frequency, annual.reported, annual.dueMonth, annual.dueDay) == (.yearly, .previous, 1, 31))
        #expect(annual.reportedInferred)
        let nextYear = DeadlineParser.parse("次年1月31日前公开。").periodic!
        #expect(nextYear.reported == .previous && !nextYear.reportedInferred)
        let june = DeadlineParser.parse("每年6月底前及时公开").periodic!
        #expect((june.reported, june.dueMonth, june.dueDay) == (.same, 6, 0))
        let quarters = DeadlineParser.parse("每年4月、7月、10月和次年1月的10日前公开上一季度救助情况").periodic!
        #expect((quarters.frequency, quarters.dueMonth, quarters.dueDay, quarters.reported) == (.quarterly, 1, 10, .previous))
        let listed = DeadlineParser.parse("2021年4月、7月、10月和2022年1月10日前公开上一季度工作进展情况").periodic!
        #expect(listed.explicitDates?.map(\.description) == ["2021-04-10", "2021-07-10", "2021-10-10", "2022-01-10"])
        #expect(DeadlineParser.parse("按季度发布医疗救助花名册。").periodic?.dayGiven == false)
        #expect(DeadlineParser.parse("每半年公示一次").periodic?.frequency == .halfYearly)
    }

    @Test func compositeBranches() {
        let rule = DeadlineParser.parse("在执法决定作出之日起20个工作日内，行政许可、行政处罚的执法决定信息在执法决定作出之日起7个工作日内公开，法律、行政法规另有规定的从其规定。")
        let branches = rule.branches!
        #expect(branches.count == 2)
        #expect(branches[0].recordKinds.isEmpty && branches[0].rule.relative?.count == 20)
        #expect(branches[1].recordKinds == ["行政许可", "行政处罚"] && branches[1].rule.relative?.count == 7)
        #expect(rule.notes == ["法律、行政法规另有规定的从其规定"])
        let other = DeadlineParser.parse("行政许可和行政处罚决定在决定作出7个工作日内公开，其他执法结果信息形成或变更之日起20个工作日内（另有规定的从其规定）。")
        #expect(other.branches?.map(\.label) == ["行政许可和行政处罚决定", "其他执法结果"])
        let policies = DeadlineParser.parse("国家、省相关政策文件及时转发，县相关政策及解读在信息形成或变更之日起20日内公开")
        #expect(policies.branches?.map(\.rule.kind) == [.prompt, .relative])
        #expect(policies.branches?.last?.label == "县相关政策及解读")
    }

    @Test func everyRuleHasAChineseSummary() {
        for (text, _, _) in Self.seedTexts {
            #expect(!DeadlineParser.parse(text).summary.isEmpty)
        }
    }
}
