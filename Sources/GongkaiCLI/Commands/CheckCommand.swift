import ArgumentParser
import Foundation
import GongkaiCore
import GongkaiStore

/// `gongkai check [--agency ID] [--at YYYY-MM-DD] [--json]`: the compliance findings and the inspection verdict.
/// Findings are data, so the exit status is 0 with findings and non-zero only when the check itself fails.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check", abstract: "合规检查：逾期、未发布、即将到期、空白或不更新栏目、缺解读、个人信息等。")

    @OptionGroup var database: DatabaseOptions
    @Option(help: "只检查这个机关（机关编号）。") var agency: Int?
    @Option(help: "检查日期（YYYY-MM-DD，默认今天）。") var at: String?
    @Option(name: .customLong("due-soon"), help: "多少个工作日内到期算“即将到期”。") var dueSoon = 5
    @Flag(help: "输出 JSON：{\"findings\": [...], \"verdict\": {...}}。") var json = false
    @Option(help: "写到这个文件而不是屏幕。") var out: String?

    func run() async throws {
        try await reportingErrors {
            let day = try at.map { try parseDate($0, option: "--at") } ?? CivilDate(localDate: Date())
            let calendar = try await database.workingCalendar()
            let (report, agencies) = try await database.withDatabase { db in
                let directory = AgencyDirectory(db)
                if let agency, try await directory.agency(id: agency) == nil { throw UserFacingError("没有编号为 \(agency) 的机关。") }
                let report = try await ComplianceSweep(database: db, calendar: calendar, dueSoonWorkdays: dueSoon).run(agencyID: agency, at: day)
                return (report, try await directory.agencies())
            }
            let text = json ? try CheckOutput(report: report, oneAgency: agency != nil).json()
                : CheckOutput.text(report, agencyNames: Dictionary(uniqueKeysWithValues: agencies.map { ($0.id, $0.name) }))
            if let out {
                try Data((text + "\n").utf8).write(to: URL(fileURLWithPath: out))
            } else {
                print(text)
            }
        }
    }
}

/// The shapes `gongkai check` prints.
struct CheckOutput: Encodable {
    struct Verdict: Encodable {
        var passed: Bool
        var agencies: [InspectionVerdict]
    }

    var at: CivilDate
    var windowStart: CivilDate
    var windowEnd: CivilDate
    var findings: [Finding]
    /// With --agency: that agency's verdict; otherwise every agency's, with `passed` only when all pass.
    var verdict: AnyVerdict

    enum AnyVerdict: Encodable {
        case one(InspectionVerdict)
        case all(Verdict)

        func encode(to encoder: any Encoder) throws {
            switch self {
            case .one(let verdict): try verdict.encode(to: encoder)
            case .all(let verdicts): try verdicts.encode(to: encoder)
            }
        }
    }

    init(report: ComplianceReport, oneAgency: Bool) {
        at = report.at
        windowStart = report.windowStart
        windowEnd = report.windowEnd
        findings = report.findings
        if oneAgency, let only = report.verdicts.first {
            verdict = .one(only)
        } else {
            verdict = .all(Verdict(passed: report.verdicts.allSatisfy(\.passed), agencies: report.verdicts))
        }
    }

    func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    static func text(_ report: ComplianceReport, agencyNames: [Int: String]) -> String {
        var lines = ["检查日期：\(report.at)；统计区间：\(report.windowStart)至\(report.windowEnd)"]
        for verdict in report.verdicts {
            lines.append("")
            lines.append("【\(agencyNames[verdict.agencyID] ?? "机关#\(verdict.agencyID)")】\(verdict.passed ? "未触及单项否决" : "触及单项否决")")
            lines += verdict.conditions.map { "  \($0.met ? "✗" : "✓") \($0.explanation)" }
        }
        var counts: [Finding.Kind: Int] = [:]
        for finding in report.findings { counts[finding.kind, default: 0] += 1 }
        lines.append("")
        lines.append("发现问题\(report.findings.count)项：" + Finding.Kind.allCases.compactMap { kind in
            counts[kind].map { "\(kind.label)\($0)" }
        }.joined(separator: "，"))
        for finding in report.findings {
            lines.append("- [\(finding.kind.label)] " + finding.explanation.replacingOccurrences(of: "\n", with: " "))
        }
        return lines.joined(separator: "\n")
    }
}
