import Foundation
import GongkaiCore
import Testing

/// Texts with several clauses keep every clause: as the rule, a branch label or a note.
@Suite struct DeadlineNotesTests {
    let calculator = DueDateCalculator(calendar: TestCalendar.calendar)

    @Test func provisoWithACommaIsOneNote() throws {
        let text = "自该信息形成或者变更之日起20个工作日内公开；法律、法规对政府信息公开的期限另有规定的，从其规定"
        let rule = DeadlineParser.parse(text)
        #expect(rule.kind == .relative)
        #expect(rule.relative == RelativeTerm(count: 20, unit: .workday, trigger: "信息形成或者变更"))
        #expect(rule.notes == ["法律、法规对政府信息公开的期限另有规定的，从其规定"])
        let result = try calculator.due(rule, trigger: TestCalendar.date("2026-03-02"))
        #expect(result.explanation.contains("注：法律、法规对政府信息公开的期限另有规定的，从其规定。"))
    }

    @Test func everyClauseWithoutARuleIsANoteInTextOrder() {
        let rule = DeadlineParser.parse("自该信息形成或者变更之日起20个工作日内，涉及国家秘密的除外，法律、行政法规另有规定的从其规定。")
        #expect(rule.kind == .relative)
        #expect(rule.notes == ["涉及国家秘密的除外", "法律、行政法规另有规定的从其规定"])
    }

    @Test func aLeadingClauseOfASingleRuleIsKept() {
        let rule = DeadlineParser.parse("县级政策文件，自该信息形成之日起20个工作日内公开")
        #expect(rule.kind == .relative)
        #expect(rule.notes == ["县级政策文件"])
    }

    @Test func fillerClausesAreNotNotes() {
        #expect(DeadlineParser.parse("自该信息形成之日起20个工作日内，予以公开").notes.isEmpty)
        #expect(DeadlineParser.parse("每年6月底前，及时公开").notes.isEmpty)
        #expect(DeadlineParser.parse("信息形成（变更）20个工作日内").notes.isEmpty)
    }

    @Test func periodicRulesKeepTheirOtherClauses() throws {
        let rule = DeadlineParser.parse("每季度结束后15日内公开，法律、法规另有规定的，从其规定")
        #expect(rule.kind == .periodic)
        #expect(rule.notes == ["法律、法规另有规定的，从其规定"])
        #expect(DeadlineParser.parse("每年1月31日前公开，涉密信息除外").notes == ["涉密信息除外"])
        #expect(DeadlineParser.parse("每年6月底前，公开上年度决算").notes.isEmpty)
    }

    @Test func compositeLabelsComeFromTheClauseBeforeTheRule() {
        let rule = DeadlineParser.parse("已出台的惠企政策,要及时发布到“惠企政策”栏目,今后新出台的政策,要在政策发布后5个工作日内完成信息上传工作")
        #expect(rule.branches?.map(\.label) == ["已出台的惠企政策", "今后新出台的政策"])
        #expect(rule.notes.isEmpty)
        let two = DeadlineParser.parse("机构信息，人员信息，自该信息形成之日起20个工作日内；其他信息及时公开")
        #expect(two.branches?.map(\.label) == ["人员信息", "其他信息"])
        #expect(two.notes == ["机构信息"])
    }

    @Test func newFieldsAreOptionalInJSON() throws {
        let old = #"{"kind":"periodic","text":"按季度","continuous":false,"notes":[],"periodic":{"frequency":"quarterly","reported":"previous","reportedInferred":true}}"#
        let decoded = try JSONDecoder().decode(DeadlineRule.self, from: Data(old.utf8))
        #expect(decoded.periodic?.afterPeriodEnd == nil && decoded.interpretation == nil)
        let rule = DeadlineParser.parse("每季度结束后15日内公开")
        let json = String(decoding: try JSONEncoder().encode(rule), as: UTF8.self)
        #expect(json.contains(#""afterPeriodEnd":{"count":15,"unit":"day"}"#) || json.contains(#""afterPeriodEnd":{"unit":"day","count":15}"#))
        #expect(try JSONDecoder().decode(DeadlineRule.self, from: Data(json.utf8)) == rule)
    }
}
