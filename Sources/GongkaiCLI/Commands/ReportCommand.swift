import ArgumentParser
import Foundation
import GongkaiCore
import GongkaiInterchange
import GongkaiStore
import GongkaiWeb

/// `gongkai report --agency ID --year YEAR [--format text|html|docx|pdf|json] [--json] [--out FILE]`: the annual
/// report (政府信息公开工作年度报告). The published version when there is one (what the portal shows), else — or with
/// `--live` — the report computed now from the data with the staff's figures and texts.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "report", abstract: "生成政府信息公开工作年度报告（表二、表三、表四、校验和正文）。")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, html, docx, pdf, json
    }

    @OptionGroup var database: DatabaseOptions
    @Option(help: "机关编号。") var agency: Int
    @Option(help: "报告年度，如 2026。") var year: Int
    @Option(help: "输出格式：text（默认）、html、docx、pdf、json。") var format: Format = .text
    @Flag(help: "等同于 --format json：{\"tables\": {\"二\", \"三\", \"四\"}, \"checks\": [{\"name\", \"ok\", …}], …}。") var json = false
    @Option(help: "写到这个文件而不是屏幕（docx、pdf 必须指定）。") var out: String?
    @Option(help: "计算所依据的日期（YYYY-MM-DD，默认今天）。") var at: String?
    @Flag(help: "即使已发布，也按当前数据重新计算（不改变已发布的版本）。") var live = false

    func run() async throws {
        try await reportingErrors {
            let format = json ? .json : format
            if [.docx, .pdf].contains(format), out == nil { throw UserFacingError("--format \(format.rawValue) 须用 --out 指定输出文件。") }
            let today = try at.map { try parseDate($0, option: "--at") } ?? CivilDate(localDate: Date())
            let calendar = try await database.workingCalendar()
            let (report, status, publishedOn, notes) = try await database.withDatabase { db in
                let repository = AnnualReportRepository(db)
                if !live, let published = try await repository.published(agencyID: agency, year: year) {
                    let stored = try await repository.stored(agencyID: agency, year: year)
                    return (published.report, stored.status, Optional(published.publishedOn), AnnualReportSources.Notes())
                }
                do {
                    let current = try await AnnualReports(database: db, calendar: calendar).live(agencyID: agency, year: year, today: today)
                    return (current.report, current.stored.status, nil, current.notes)
                } catch let failure as AnnualReportError {
                    throw UserFacingError(failure.description)
                }
            }
            let data: Data
            switch format {
            case .json: data = try ReportJSON(report: report, status: status, publishedOn: publishedOn, notes: notes).encoded()
            case .html: data = Data(try await AnnualReportHTML.render(report, agencyID: agency, publishedOn: publishedOn).utf8)
            case .docx: data = try AnnualReportWriter.docx(report, publishedOn: publishedOn)
            case .pdf: data = try AnnualReportWriter.pdf(report, publishedOn: publishedOn)
            case .text: data = Data(ReportText.render(report, status: status, publishedOn: publishedOn, notes: notes).utf8)
            }
            if let out {
                try data.write(to: URL(fileURLWithPath: out))
                FileHandle.standardError.write(Data("已写入 \(out)（\(report.canPublish ? "校验全部通过" : "有\(report.failedChecks.count)项校验未通过")）\n".utf8))
            } else {
                FileHandle.standardOutput.write(data)
                if format == .json { print("") }
            }
        }
    }
}

/// `--json`: the report (`year`, `agency`, `format`, `tables` {"二","三","四"}, `checks`, `sections`, `compliance`) plus
/// `status`, `publishedOn` and what the data could not count.
struct ReportJSON: Encodable {
    let report: AnnualReport
    let status: RecordStatus
    let publishedOn: CivilDate?
    let notes: AnnualReportSources.Notes

    enum CodingKeys: String, CodingKey { case status, publishedOn, canPublish, ambiguousRecords, unreadableRequests, countedRecords }

    func encode(to encoder: any Encoder) throws {
        try report.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(status.rawValue, forKey: .status)
        try container.encodeIfPresent(publishedOn, forKey: .publishedOn)
        try container.encode(report.canPublish, forKey: .canPublish)
        try container.encode(notes.ambiguousRecords.map(\.id), forKey: .ambiguousRecords)
        try container.encode(notes.unreadableRequests, forKey: .unreadableRequests)
        try container.encode(notes.countedRecords, forKey: .countedRecords)
    }

    func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}

/// The default text output: tables as aligned lines, the checks, and the sections.
enum ReportText {
    static func render(_ report: AnnualReport, status: RecordStatus, publishedOn: CivilDate?, notes: AnnualReportSources.Notes) -> String {
        var lines = ["\(report.agency)\(report.year)年政府信息公开工作年度报告", "格式：\(report.format.label)",
                     "状态：\(status.label)" + (publishedOn.map { "（\($0)发布）" } ?? ""), ""]
        for table in report.tables.all {
            lines.append(table.title)
            for section in table.sections {
                if let caption = section.caption { lines.append("  " + caption) }
                lines.append("  " + ([""] + section.columns.map { ($0.groups + [$0.label]).joined(separator: "/") }).joined(separator: "\t"))
                for row in section.rows {
                    let values = row.cells.map { $0.value.map { NSDecimalNumber(decimal: $0).stringValue } ?? "（待填报）" }
                    lines.append("  " + ([(row.groups + [row.label]).joined(separator: " › ")] + values).joined(separator: "\t"))
                }
            }
            lines.append("")
        }
        lines.append("校验：")
        for check in report.checks { lines.append("  \(check.ok ? "✓" : "✗") \(check.name)：\(check.explanation)") }
        if !notes.ambiguousRecords.isEmpty {
            lines.append("未计入表二（无法判断决定类别）：" + notes.ambiguousRecords.map { "#\($0.id) \($0.title)" }.joined(separator: "；"))
        }
        if !notes.unreadableRequests.isEmpty { lines.append("未计入表三（办理记录无法回放）：" + notes.unreadableRequests.joined(separator: "、")) }
        lines.append("")
        for section in report.sections { lines += [section.heading, section.text, ""] }
        return lines.joined(separator: "\n")
    }
}
