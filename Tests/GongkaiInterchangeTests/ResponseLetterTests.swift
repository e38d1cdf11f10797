import Foundation
import GongkaiCore
@testable import GongkaiInterchange
import Testing

/// The 政府信息公开申请答复书: its text, in the order of an official document.
@Suite struct ResponseLetterTests {
    static func letter(outcome: String = "部分公开") -> ResponseLetter {
        ResponseLetter(
            agency: "淄博市医疗保障局沂源分局", letterNumber: "沂医保依申复〔2026〕3号", applicant: "张三",
            requestCode: "YSQ-2026-0003", received: CivilDate(year: 2026, month: 9, day: 21)!,
            requestDescription: "2025年度沂源县城乡居民基本医疗保险基金收支情况。", outcome: outcome,
            reasoning: [
                "您申请获取的信息中，基金收支总额属于可以公开的政府信息，根据《中华人民共和国政府信息公开条例》第三十六条第（二）项的规定，予以公开。",
                "其中定点医药机构的结算明细涉及第三方商业秘密，根据《中华人民共和国政府信息公开条例》第十五条、第三十七条的规定，不予公开。",
            ],
            delivery: "电子邮件发送至您预留的邮箱", feeNotice: "本机关依申请提供政府信息，不收取费用。",
            attachments: ["2025年度沂源县城乡居民基本医疗保险基金收支情况表", "政府信息公开申请表（复印件）"],
            reviewBody: "沂源县人民政府", contact: .init(name: "李四", phone: "0533-3221234"),
            date: CivilDate(year: 2026, month: 10, day: 9)!)
    }

    @Test func theLetterReadsInOrder() throws {
        let paragraphs = try DocxTestSupport.paragraphs(try ResponseLetterWriter.docx(Self.letter()))
        #expect(paragraphs == [
            "政府信息公开申请答复书",
            "沂医保依申复〔2026〕3号",
            "",
            "张三：",
            "本机关于2026年9月21日收到您提出的政府信息公开申请（申请编号：YSQ-2026-0003），申请获取“2025年度沂源县城乡居民基本医疗保险基金收支情况”。经审查，现答复如下：",
            "处理结果：部分公开。",
            Self.letter().reasoning[0],
            Self.letter().reasoning[1],
            "信息提供方式：电子邮件发送至您预留的邮箱。",
            "本机关依申请提供政府信息，不收取费用。",
            "如对本答复不服，可以自收到本答复之日起六十日内向沂源县人民政府申请行政复议；对行政复议决定不服的，可以自收到行政复议决定书之日起十五日内依法向人民法院提起行政诉讼。",
            "",
            "附件：1.2025年度沂源县城乡居民基本医疗保险基金收支情况表",
            "2.政府信息公开申请表（复印件）",
            "",
            "",
            "淄博市医疗保障局沂源分局",
            "2026年10月9日",
            "（联系人：李四　联系电话：0533-3221234）",
        ])
    }

    /// GB/T 9704 7.3.4: a wrapped attachment name continues under its first character.
    @Test func attachmentNamesHangUnderTheirFirstCharacter() throws {
        let docx = try ResponseLetterWriter.docx(Self.letter())
        let body = try #require(try DocxTestSupport.part(docx, "word/document.xml").descendants("body").first)
        let attachments = body.children("p").filter {
            let text = DocxTestSupport.text($0)
            return text.hasPrefix("附件：") || text.hasPrefix("2.")
        }.compactMap { $0.child("pPr")?.child("ind") }
        #expect(attachments.map { [$0.attribute("leftChars"), $0.attribute("hangingChars")] } == [["600", "400"], ["600", "100"]])
    }

    @Test func optionalPartsAreLeftOut() throws {
        var letter = Self.letter(outcome: "无法提供（本机关不掌握相关政府信息）")
        letter.delivery = nil
        letter.feeNotice = nil
        letter.attachments = ["情况说明"]
        letter.contact = nil
        let paragraphs = try DocxTestSupport.paragraphs(try ResponseLetterWriter.docx(letter))
        #expect(paragraphs.contains("处理结果：无法提供（本机关不掌握相关政府信息）。"))
        #expect(paragraphs.contains("附件：情况说明"))
        #expect(!paragraphs.contains { $0.hasPrefix("信息提供方式") || $0.hasPrefix("（联系人") })
        #expect(paragraphs.last == "2026年10月9日")
    }

    /// 行政复议法 第二十条, 行政诉讼法 第四十六条; 复议前置 for 不予公开 (行政复议法 第二十三条第一款第（四）项).
    @Test func theRemedyNoticeFollowsTheOutcome() {
        #expect(ResponseLetterWriter.remedy(Self.letter(outcome: "予以公开"))
            == "如对本答复不服，可以自收到本答复之日起六十日内向沂源县人民政府申请行政复议，或者自收到本答复之日起六个月内向人民法院提起行政诉讼。")
        #expect(ResponseLetterWriter.remedy(Self.letter(outcome: "不予处理（重复申请）")).contains("或者自收到本答复之日起六个月内"))
        #expect(Self.letter(outcome: "不予公开（属于国家秘密）").reviewFirst)
        #expect(!Self.letter(outcome: "无法提供（本机关不掌握相关政府信息）").reviewFirst)
        var letter = Self.letter(outcome: "予以公开")
        letter.court = "沂源县人民法院"
        #expect(ResponseLetterWriter.remedy(letter).hasSuffix("六个月内向沂源县人民法院提起行政诉讼。"))
    }

    @Test func datesHaveNoLeadingZeros() {
        #expect(ResponseLetterWriter.chineseDate(CivilDate(year: 2026, month: 1, day: 5)!) == "2026年1月5日")
        #expect(ResponseLetterWriter.chineseDate(CivilDate(year: 2026, month: 12, day: 31)!) == "2026年12月31日")
    }

    @Test func theDocumentPropertiesNameTheLetter() throws {
        let core = try DocxTestSupport.part(try ResponseLetterWriter.docx(Self.letter()), "docProps/core.xml")
        #expect(core.child("title")?.text == "政府信息公开申请答复书（沂医保依申复〔2026〕3号）")
        #expect(core.child("creator")?.text == "淄博市医疗保障局沂源分局")
    }
}
