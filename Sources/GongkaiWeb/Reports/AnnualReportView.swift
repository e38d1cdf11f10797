import Foundation
import GongkaiCore

/// What the report pages show: the six sections in order, each with its paragraphs, and tables 二/三/四 after the
/// text of their section (as printed reports place them), charts drawn on the server, and the checks.
struct AnnualReportView: Sendable, PageChrome {
    var agencyID: Int
    var agency: String
    var year: Int
    var title: String
    var formatLabel: String
    var publishedOn: String?
    var sections: [SectionView]
    var checks: [CheckView]
    var allChecksPass: Bool
    var failingCount: Int
    var docxURL: String
    var pdfURL: String
    var meta: MetaTags?
    var trail: [Crumb]?

    struct SectionView: Sendable {
        var number: Int
        var heading: String
        var paragraphs: [String]
        var tables: [TableView]
        var charts: [ChartView]
        /// Stored, not computed: Mustache reads properties by reflection and sees no computed one.
        var anchor: String
    }

    struct TableView: Sendable {
        var title: String
        var grids: [ReportGrid]
    }

    struct ChartView: Sendable {
        var svg: String
        var caption: String
    }

    struct CheckView: Sendable {
        var name: String
        var ok: Bool
        var explanation: String
        var cells: String
    }

    init(_ report: AnnualReport, agencyID: Int, publishedOn: CivilDate?, documentURL: (SiteURL.LetterFormat) -> String, meta: MetaTags? = nil, trail: [Crumb]? = nil) {
        self.trail = trail
        self.agencyID = agencyID
        agency = report.agency
        year = report.year
        title = "\(report.agency)\(report.year)年政府信息公开工作年度报告"
        formatLabel = report.format.label
        self.publishedOn = publishedOn?.description
        let failing = Set(report.failingCells)
        let tablesBySection = [2: report.tables.two, 3: report.tables.three, 4: report.tables.four]
        sections = report.sections.map { section in
            let table = tablesBySection[section.number].map { table in
                TableView(title: table.title, grids: table.sections.map { ReportGrid($0, failing: failing) })
            }
            return SectionView(number: section.number, heading: section.heading,
                               paragraphs: section.text.components(separatedBy: "\n").map(\.trimmed).filter { !$0.isEmpty },
                               tables: table.map { [$0] } ?? [], charts: section.number == 3 ? Self.requestCharts(report) : [],
                               anchor: "report-section-\(section.number)")
        }
        checks = report.checks.map {
            CheckView(name: $0.name, ok: $0.ok, explanation: $0.explanation, cells: $0.cells.joined(separator: "、"))
        }
        allChecksPass = report.canPublish
        failingCount = report.failedChecks.count
        docxURL = documentURL(.docx)
        pdfURL = documentURL(.pdf)
        self.meta = meta
    }

    /// Table 三 drawn twice: new requests by applicant, and results by group.
    static func requestCharts(_ report: AnnualReport) -> [ChartView] {
        let three = report.tables.three
        guard let section = three.sections.first else { return [] }
        let bar = BarChartSVG.Series(name: "件数", colour: "#1f5fa8")
        let received = section.rows.first { $0.id == "newlyReceived" }
        let applicants = section.columns.dropLast().map { column in
            BarChartSVG.Category(label: column.label, values: [report.value("三.newlyReceived.\(column.id)")])
        }
        var groups: [(label: String, total: Int)] = []
        for row in section.rows where row.groups.first == "三、本年度办理结果" && row.id != "concludedTotal" {
            let label = row.groups.count > 1 ? row.groups[1] : row.label
            let total = report.value("三.\(row.id).total")
            if let index = groups.firstIndex(where: { $0.label == label }) { groups[index].total += total } else { groups.append((label, total)) }
        }
        let results = groups.map { group in
            BarChartSVG.Category(label: group.label.replacingOccurrences(of: "（区分处理的，只计这一情形，不计其他情形）", with: ""), values: [group.total])
        }
        let total = received.map { _ in report.value("三.newlyReceived.total") } ?? 0
        return [
            ChartView(svg: BarChartSVG(id: "chart-applicants", title: "本年新收申请（按申请人）",
                                       description: "本年新收政府信息公开申请\(total)件，" + applicants.map { "\($0.label)\($0.total)件" }.joined(separator: "，"),
                                       series: [bar], categories: applicants, orientation: .horizontal).render(),
                      caption: "图1 本年新收政府信息公开申请（按申请人情况，数据同表三第一项）"),
            ChartView(svg: BarChartSVG(id: "chart-results", title: "本年度办理结果",
                                       description: results.map { "\($0.label)\($0.total)件" }.joined(separator: "，"),
                                       series: [bar], categories: results, orientation: .horizontal).render(),
                      caption: "图2 本年度办理结果（数据同表三第三项）"),
        ]
    }
}
