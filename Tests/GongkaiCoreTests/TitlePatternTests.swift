import GongkaiCore
import Testing

@Suite struct TitlePatternTests {
    @Test func proposalReplies() {
        let pattern = TitlePattern("对xx次会议第xx号建议/提案的答复")
        #expect(pattern.matches("对县十八届人大三次会议第12号建议的答复"))
        #expect(pattern.matches("对县政协十届二次会议第3号提案的答复"))
        #expect(!pattern.matches("对县政协十届二次会议第3号意见的答复"))
        #expect(!pattern.matches("对县十八届人大三次会议第12号建议"))
        #expect(!pattern.matches("关于对县十八届人大三次会议第12号建议的答复"))   // whole title
        #expect(!pattern.matches("对次会议第号建议的答复"))                        // xx is not empty
        #expect(TitlePattern("*对xx次会议第xx号建议/提案的答复").matches("关于对县十八届人大三次会议第12号建议的答复"))
    }

    @Test func wildcardsAndAlternatives() {
        #expect(TitlePattern("关于××的通知/公告").matches("关于调整医保待遇的公告"))
        #expect(TitlePattern("关于XX的通知/公告/通报").matches("关于调整医保待遇的通报"))
        #expect(!TitlePattern("关于XX的通知/公告").matches("关于调整医保待遇的通报"))
        #expect(TitlePattern("人大代表建议/政协委员提案答复*").matches("政协委员提案答复（第3号）"))
        #expect(TitlePattern("(建议|提案)办理*").matches("提案办理情况"))
        #expect(TitlePattern("【建议/提案】xx").matches("【提案】第3号"))        // 【】 are literal, the words alternate
        #expect(TitlePattern("[建议/提案]xx").matches("建议第3号"))
        #expect(TitlePattern("2026年第*季度*").matches("2026年第三季度医疗救助情况"))
        #expect(TitlePattern("Box*").matches("Box 1"))                                   // one x is a letter
    }

    @Test func spacesAndFullWidthFormsAreIgnored() {
        let pattern = TitlePattern("xx（2026）xx号")
        #expect(pattern.matches("源医保 (2026) 12号"))
        #expect(pattern.matches("源医保（２０２６）12号"))
    }

    @Test func codableAsText() throws {
        let pattern: TitlePattern = "对xx的答复"
        #expect(pattern.description == "对xx的答复")
        #expect(!pattern.isEmpty && TitlePattern("").isEmpty)
    }
}
