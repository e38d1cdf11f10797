import Foundation

/// 政府信息公开工作年度报告 for one agency and year (条例 第四十九–五十条; 国办公开办函〔2021〕30号).
/// Encodes as `{"year", "agency", "format", "tables": {"二", "三", "四"}, "checks": [{"name", "ok", …}], "sections"}`.
public struct AnnualReport: Codable, Sendable, Equatable {
    public var year: Int
    public var agency: String
    /// The template, chosen by year (`ReportFormat.forYear`).
    public var format: ReportFormat
    public var tables: ReportTables
    public var checks: [ReportCheck]
    /// 一 … 六, in order.
    public var sections: [NarrativeSection]
    /// The compliance numbers the narrative quoted, kept for next year's comparison.
    public var compliance: ComplianceFacts

    public init(year: Int, agency: String, format: ReportFormat, tables: ReportTables, checks: [ReportCheck],
                sections: [NarrativeSection], compliance: ComplianceFacts = ComplianceFacts()) {
        self.year = year
        self.agency = agency
        self.format = format
        self.tables = tables
        self.checks = checks
        self.sections = sections
        self.compliance = compliance
    }

    /// The report may be published only when every check holds.
    public var canPublish: Bool { checks.allSatisfy(\.ok) }

    /// The ids of the cells failing any check, each once, in check order.
    public var failingCells: [String] {
        var seen = Set<String>()
        return checks.flatMap(\.cells).filter { seen.insert($0).inserted }
    }

    /// The checks that fail.
    public var failedChecks: [ReportCheck] { checks.filter { !$0.ok } }

    /// A cell's number, 0 when absent or not entered.
    public func value(_ cellID: String) -> Int {
        (tables.cell(cellID)?.value).map { NSDecimalNumber(decimal: $0).intValue } ?? 0
    }

    enum CodingKeys: String, CodingKey {
        case year, agency, format, tables, checks, sections, compliance
    }
}
