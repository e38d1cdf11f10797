import Foundation
import GongkaiCore

/// Lays out a 政府信息公开工作年度报告 as published: the title, a preface naming the regulation and the format,
/// sections 一…六 (黑体 headings, 仿宋 body), tables 二、三、四 after the text of their sections, and the agency
/// and date at the end when the report has a publication date.
public enum AnnualReportWriter {
    /// The report as a document, for callers that add to it before writing.
    public static func document(_ report: AnnualReport, publishedOn: CivilDate? = nil) -> DocxDocument {
        let title = title(report)
        var document = DocxDocument(documentTitle: title, author: report.agency)
        document.title(brokenTitle(agency: report.agency, title: title))
        document.blankLine()
        document.paragraph(preface(report))
        let tables: [Int: ReportTable] = [2: report.tables.two, 3: report.tables.three, 4: report.tables.four]
        for section in report.sections.sorted(by: { $0.number < $1.number }) {
            document.heading(section.heading)
            body(section.text, to: &document)
            if let table = tables[section.number] {
                // 表三 has 28 rows, some of three lines, and 表四 15 columns of figures: 小五 keeps each whole on one
                // portrait A4 page, as published reports do; 表二 stays 五号.
                document.append(ReportDocxTable.table(table, size: section.number == 2 ? DocxSize.five : DocxSize.smallFive))
            }
        }
        if let publishedOn {
            document.signature(report.agency, date: ResponseLetterWriter.chineseDate(publishedOn))
        }
        return document
    }

    /// The report as a .docx file.
    public static func docx(_ report: AnnualReport, publishedOn: CivilDate? = nil) throws -> Data {
        try document(report, publishedOn: publishedOn).data()
    }

    /// The report as a PDF, converted from the .docx by LibreOffice; throws
    /// `DocumentExportError.needsLibreOffice` when LibreOffice is not installed.
    public static func pdf(_ report: AnnualReport, publishedOn: CivilDate? = nil) throws -> Data {
        try PDFConverter.pdf(fromDocx: docx(report, publishedOn: publishedOn))
    }

    /// “某县医疗保障局2026年政府信息公开工作年度报告”.
    public static func title(_ report: AnnualReport) -> String {
        "\(report.agency)\(report.year)年政府信息公开工作年度报告"
    }

    /// A title wider than the 二号 line (about 20 characters on the 156mm text area) breaks after the agency's
    /// name, so the line break does not fall inside a word.
    static func brokenTitle(agency: String, title: String) -> String {
        guard DocxUnits.characterWidth(title) > 20, !agency.isEmpty, title.hasPrefix(agency) else { return title }
        return agency + "\n" + title.dropFirst(agency.count)
    }

    /// The customary opening paragraph: the legal basis, the format, what the report contains and the period.
    static func preface(_ report: AnnualReport) -> String {
        let format = switch report.format {
        case .trial2019: "《中华人民共和国政府信息公开工作年度报告格式（试行）》（国办公开办函〔2019〕60号）"
        case .format2021: "《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）"
        }
        return "本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）第四十九条、第五十条和\(format)的要求编制，"
            + "由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议、行政诉讼情况、"
            + "存在的主要问题及改进情况、其他需要报告的事项六部分组成。"
            + "本报告所列数据的统计期限自\(report.year)年1月1日起至\(report.year)年12月31日止。"
    }

    /// A section's text, one paragraph per line. A short line that opens with “（一）” and has no full stop is a
    /// sub-heading (楷体), as staff write them.
    static func body(_ text: String, to document: inout DocxDocument) {
        for line in text.split(whereSeparator: \.isNewline).map({ String($0).trimmed }) where !line.isEmpty {
            if isSubheading(line) { document.heading(line, level: 2) } else { document.paragraph(line) }
        }
    }

    static func isSubheading(_ line: String) -> Bool {
        guard line.hasPrefix("（"), let close = line.firstIndex(of: "）"), line.count <= 24, !line.contains("。") else { return false }
        let numeral = line[line.index(after: line.startIndex)..<close]
        return !numeral.isEmpty && numeral.allSatisfy { "一二三四五六七八九十".contains($0) }
    }
}
