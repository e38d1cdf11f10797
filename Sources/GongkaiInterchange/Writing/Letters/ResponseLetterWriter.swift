import Foundation
import GongkaiCore

/// Lays out a 政府信息公开申请答复书 as an official document: title, 发文字号, salutation, the answer,
/// the remedy notice, 附件说明, signature and date, and the contact as 附注 (GB/T 9704 order).
public enum ResponseLetterWriter {
    /// The letter as a document, for callers that add to it before writing.
    public static func document(_ letter: ResponseLetter) -> DocxDocument {
        var document = DocxDocument(documentTitle: "政府信息公开申请答复书（\(letter.letterNumber)）", author: letter.agency)
        document.title("政府信息公开申请答复书")
        document.line(letter.letterNumber, alignment: .center)
        document.blankLine()
        document.line("\(letter.applicant)：")
        document.paragraph("本机关于\(chineseDate(letter.received))收到您提出的政府信息公开申请（申请编号：\(letter.requestCode)），"
            + "申请获取“\(unquoted(letter.requestDescription))”。经审查，现答复如下：")
        document.paragraph("处理结果：\(sentence(letter.outcome))")
        letter.reasoning.filter { !$0.trimmed.isEmpty }.forEach { document.paragraph($0) }
        if let delivery = letter.delivery, !delivery.trimmed.isEmpty { document.paragraph("信息提供方式：\(sentence(delivery))") }
        if let fee = letter.feeNotice, !fee.trimmed.isEmpty { document.paragraph(fee) }
        document.paragraph(remedy(letter))
        attachments(letter.attachments, to: &document)
        document.signature(letter.agency, date: chineseDate(letter.date))
        if let contact = letter.contact {
            document.append(DocxParagraph("（联系人：\(contact.name)　联系电话：\(contact.phone)）", firstLineIndent: 2))
        }
        return document
    }

    /// The letter as a .docx file.
    public static func docx(_ letter: ResponseLetter) throws -> Data {
        try document(letter).data()
    }

    /// The letter as a PDF, converted from the .docx by LibreOffice; throws
    /// `DocumentExportError.needsLibreOffice` when LibreOffice is not installed.
    public static func pdf(_ letter: ResponseLetter) throws -> Data {
        try PDFConverter.pdf(fromDocx: docx(letter))
    }

    /// 《中华人民共和国行政复议法》第二十条: 六十日 to apply for 行政复议; 《中华人民共和国行政诉讼法》
    /// 第四十六条: 六个月 to sue directly, 第四十五条: 十五日 after the 复议决定. Where 行政复议法 第二十三条
    /// makes 复议 come first (`reviewFirst`), the lawsuit is only against the 复议决定.
    static func remedy(_ letter: ResponseLetter) -> String {
        let review = "如对本答复不服，可以自收到本答复之日起六十日内向\(letter.reviewBody)申请行政复议"
        return letter.reviewFirst
            ? review + "；对行政复议决定不服的，可以自收到行政复议决定书之日起十五日内依法向\(letter.court)提起行政诉讼。"
            : review + "，或者自收到本答复之日起六个月内向\(letter.court)提起行政诉讼。"
    }

    /// GB/T 9704 7.3.4: one empty line after the text, “附件：1.……” two characters in, the numbers of later
    /// names under the first number, and every wrapped line aligned with the first character of its name.
    private static func attachments(_ names: [String], to document: inout DocxDocument) {
        let names = names.map(\.trimmed).filter { !$0.isEmpty }
        guard !names.isEmpty else { return }
        document.blankLine()
        let label = "附件："
        for (index, name) in names.enumerated() {
            let number = names.count == 1 ? "" : "\(index + 1)."
            let lead = (index == 0 ? label : "") + number
            let nameStart = 2 + DocxUnits.characterWidth(label + number)
            document.append(DocxParagraph(lead + name, firstLineIndent: -DocxUnits.characterWidth(lead), leftIndent: nameStart))
        }
    }

    /// “2026年9月21日”: Arabic numerals, month and day without leading zeros (GB/T 9704 7.3.5.1).
    static func chineseDate(_ date: CivilDate) -> String {
        let (year, month, day) = date.components
        return "\(year)年\(month)月\(day)日"
    }

    private static func unquoted(_ text: String) -> String {
        var text = text.trimmed
        while let last = text.last, "。；;.".contains(last) { text.removeLast() }
        if text.hasPrefix("“"), text.hasSuffix("”"), text.count >= 2 { text = String(text.dropFirst().dropLast()) }
        return text
    }

    private static func sentence(_ text: String) -> String {
        let text = text.trimmed
        return text.hasSuffix("。") ? text : text + "。"
    }
}
