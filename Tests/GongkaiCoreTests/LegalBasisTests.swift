import GongkaiCore
import Testing

@Suite struct LegalBasisTests {
    @Test func titleAndNumberOfAStateCouncilDecree() {
        let basis = LegalBasis.parse("《中华人民共和国政府信息公开条例》（国务院令第711号）")
        #expect(basis.title == "中华人民共和国政府信息公开条例")
        #expect(basis.documentNumber == "国务院令第711号")
        #expect(basis.isComplete)
    }

    @Test func bracketSpellingsAreNormalized() {
        #expect(LegalBasis.parse("（国办发﹝2014﹞46号）").documentNumber == "国办发〔2014〕46号")
        #expect(LegalBasis.parse("（鲁政字[2019]247号）").documentNumber == "鲁政字〔2019〕247号")
        #expect(LegalBasis.parse("《政府信息公开条例》（2019年国务院令711号）").documentNumber == "国务院令711号")
    }

    @Test func splitsOnSemicolonsLineBreaksAndBetweenTitles() {
        let all = LegalBasis.parseAll("《重大行政决策程序暂行条例》（国务院令第713号）；\n《法规规章备案条例》（国务院令第337号）。")
        #expect(all.map(\.title) == ["重大行政决策程序暂行条例", "法规规章备案条例"])
        #expect(LegalBasis.parseAll("《政府信息公开条例》、《社会保险法》").map(\.title) == ["政府信息公开条例", "社会保险法"])
    }

    @Test func nestedTitlesAndCutOffTexts() {
        let nested = LegalBasis.parse("《中共中央办公厅国务院办公厅印发〈关于全面推进政务公开工作的意见〉的通知》（中办发〔2016〕8号）")
        #expect(nested.title == "中共中央办公厅国务院办公厅印发〈关于全面推进政务公开工作的意见〉的通知")
        #expect(nested.documentNumber == "中办发〔2016〕8号")
        let cut = LegalBasis.parse("财政部关于印发《地方预决算公开操作规程》的通知（财预")
        #expect(!cut.isComplete)
        #expect(cut.documentNumber == nil)
    }

    @Test func bracketsLeftOpenAndClosedFirst() {
        #expect(Bracket.unclosed(in: "欺诈骗保案例（以我县真实案例为主，亦") == ["（"])
        #expect(Bracket.closesFirst("可适当发布外地典型欺诈骗保案例)"))
        #expect(!Bracket.closesFirst("（完整）"))
    }
}

@Suite struct ClassificationTests {
    @Test func stagesParseOnlyStageWords() {
        #expect(Stage.parse("执行和结果") == [.execution, .result])
        #expect(Stage.parse("管理和服务") == [.management, .service])
        #expect(Stage.parse("重点领域信息公开") == nil)
        #expect(Stage.parse("") == nil)
    }

    @Test func channelsMatchTheStandardSetOnly() {
        #expect(Channel.matching("发布会") == .pressConference)
        #expect(Channel.matching("社区/企事业单位/村公示栏（电子屏）") == .noticeBoard)
        #expect(Channel.matching("公开查询点") == .readingRoom)
        #expect(Channel.matching("电子显示屏") == nil)
        #expect(ChannelMark(label: "服务窗口", checked: true).standard == nil)
    }

    @Test func audiencesModesAndTiers() {
        #expect(Audience.parse("全社会、特定群众") == [.public, .specific])
        #expect(Mode.parse("依申请公开") == [.onRequest])
        #expect(Tier.parse("乡、村级") == [.township, .village])
        #expect(Tier.parse("社区/村居") == [.village])
    }

    @Test func ministerialOrdersKeepTheIssuersFullName() {
        #expect(LegalBasis.parse("《医疗机构管理条例实施细则》（国家卫生健康委令第3号）").documentNumber == "国家卫生健康委令第3号")
        #expect(LegalBasis.parse("《政府采购货物和服务招标投标管理办法》（财政部令第87号）").documentNumber == "财政部令第87号")
        #expect(LegalBasis.parse("根据国务院令第711号").documentNumber == "国务院令第711号")
    }
}
