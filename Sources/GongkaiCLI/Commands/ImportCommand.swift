import ArgumentParser
import Foundation
import GongkaiCore
import GongkaiInterchange
import GongkaiStore

/// `gongkai import [--agency NAME] FILE...`: reads every file first and stores them all in one
/// transaction, so a bad file leaves the database exactly as it was. A file for an agency that has a catalog
/// becomes a draft of its next version (with its diff), approved at once with `--effective DATE`.
/// `gongkai import --revise AGENCY FILE [--effective DATE]` revises a named agency's catalog.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "导入主动公开基本目录（Word、Excel、CSV 或文本转储），并报告推断与疑点。")

    @OptionGroup var database: DatabaseOptions
    @Option(help: "机关全称；文件未写明或写得不全时使用（如“市医疗保障局”）。") var agency: String?
    @Flag(help: "以 JSON 输出结果。") var json = false
    @Flag(name: .customLong("dry-run"), help: "只解析、报告，不写入数据库。") var dryRun = false
    @Flag(name: .shortAndLong, help: "列出全部诊断（默认只列出存疑与警告）。") var verbose = false
    @Option(help: "修订该机关（编号或全称）的现行目录：文件作为其下一版的修订稿。") var revise: String?
    @Option(help: "修订稿审核通过并自该日（YYYY-MM-DD）起施行；不给则只保存修订稿，待审核。") var effective: String?
    @Option(help: "人工指定各列的角色，如 '1=一级,2=二级,5=时限'：列号从1开始，未列出的列按表头或内容推断，“忽略”表示不导入该列。")
    var columns: String?
    @Option(name: .customLong("header-rows"), help: "表格最上面几行是表头（0 表示没有表头行）；不指定时自动识别。") var headerRows: Int?
    @Argument(help: "要导入的文件。") var files: [String]

    struct FileReport: Encodable {
        var file: String
        var catalogId: Int?
        var agency: String?
        var title: String?
        var itemCount: Int?
        var format: String?
        /// 目录发布日期, when the file states one.
        var publishedDate: CivilDate?
        var inferences: Int?
        var ambiguities: Int?
        var warnings: Int?
        var diagnostics: [ImportDiagnostic]?
        /// Items with fields the importer is unsure of (存疑), each with its doubts.
        var doubtfulItems: [DoubtfulItem]?
        /// firstVersion, revisionDraft or unchanged.
        var outcome: CatalogImportOutcome.Kind?
        var revisesCatalogId: Int?
        /// Against the version in force, for revisions: counts by change, and every entry but the unchanged.
        var changes: [String: Int]?
        var diff: [CatalogDiff.Entry]?
        var approval: CatalogApproval?
        var error: String?
    }

    struct DoubtfulItem: Encodable {
        var path: [String]
        var firstLine: Int
        var lastLine: Int
        var doubts: [ItemDoubt]
    }

    func run() async throws {
        try await reportingErrors {
            let effectiveDate = try effective.map { text in
                guard let date = CivilDate(text) else { throw ValidationError("施行日期“\(text)”不是 YYYY-MM-DD 格式的日期。") }
                return date
            }
            if revise != nil, files.count != 1 { throw ValidationError("--revise 一次只修订一个机关的目录：请只给一个文件。") }
            var results: [(String, ImportResult)] = []
            var reports: [FileReport] = []
            var failed = false
            for (index, file) in files.enumerated() {
                if files.count > 1 { Console.progress("[\(index + 1)/\(files.count)] 正在读取 \(file) …") }
                do {
                    let result = try CatalogImporter.importFile(at: URL(fileURLWithPath: file), agency: agency ?? revise,
                                                                    choices: try readingChoices())
                    results.append((file, result))
                    reports.append(report(file, result))
                } catch let error as ImportError {
                    failed = true
                    reports.append(FileReport(file: file, error: error.description))
                }
            }
            if !failed, !dryRun {
                let pending = results.map { ($0.1.catalog, $0.1.format, $0.1.diagnostics) }
                let stored = try await database.withDatabase { db in
                    var pending = pending
                    if let revise {
                        let agency = try await Self.agency(revise, in: db)
                        for index in pending.indices { pending[index].0.agency = agency }
                    }
                    let repository = CatalogRepository(db)
                    var stored: [(CatalogImportOutcome, CatalogApproval?)] = []
                    for outcome in try await repository.storeAll(pending) {
                        guard let effectiveDate, outcome.kind == .revisionDraft else { stored.append((outcome, nil)); continue }
                        stored.append((outcome, try await repository.approve(draftID: outcome.catalogID, effective: effectiveDate, actor: "import")))
                    }
                    return stored
                }
                for (index, (outcome, approval)) in stored.enumerated() {
                    reports[index].approval = approval
                    reports[index].catalogId = outcome.catalogID
                    reports[index].outcome = outcome.kind
                    reports[index].revisesCatalogId = outcome.revisesID
                    if let diff = outcome.diff {
                        reports[index].changes = Dictionary(uniqueKeysWithValues: CatalogDiff.Change.allCases.map { ($0.rawValue, diff.count($0)) })
                        reports[index].diff = diff.entries.filter { $0.change != .unchanged }
                    }
                }
            }
            if json {
                print(try Console.json(reports))
            } else {
                for report in reports { print(render(report)) }
                if failed { Console.error("导入失败：有文件无法读取，数据库未作任何更改。") }
                else if dryRun { print("（试运行：未写入数据库）") }
            }
            if failed { throw ExitCode(1) }
        }
    }

    /// The agency to revise, by id or by full name.
    private static func agency(_ key: String, in db: GongkaiDatabase) async throws -> Agency {
        let agencies = try await AgencyDirectory(db).agencies()
        guard let found = agencies.first(where: { String($0.id) == key || $0.name == key }) else {
            throw ValidationError("没有编号或名称为“\(key)”的机关；用 gongkai catalogs 查看已有目录及其机关。")
        }
        return Agency(name: found.name)
    }

    private func report(_ file: String, _ result: ImportResult) -> FileReport {
        // JSON is read by programs: it always lists every inference; the text output keeps them for -v.
        let shown = verbose || json ? result.diagnostics : result.diagnostics.filter { $0.severity != .inference }
        return FileReport(file: file, agency: result.catalog.agency.name, title: result.catalog.title,
                          itemCount: result.catalog.items.count, format: result.format, publishedDate: result.publishedDate,
                          inferences: result.count(.inference), ambiguities: result.count(.ambiguous),
                          warnings: result.count(.warning), diagnostics: shown,
                          doubtfulItems: result.catalog.items.compactMap { pathed in
                              guard let doubts = pathed.item.doubts, !doubts.isEmpty else { return nil }
                              return DoubtfulItem(path: pathed.path, firstLine: pathed.item.provenance.first,
                                                  lastLine: pathed.item.provenance.last, doubts: doubts)
                          })
    }

    private func render(_ report: FileReport) -> String {
        if let error = report.error { return "✘ \(report.file)\n  \(error)" }
        var lines = ["✔ \(report.file)" + (report.catalogId.map { " → 目录 #\($0)" } ?? "")]
        switch report.outcome {
        case .revisionDraft?:
            let counts = CatalogDiff.Change.allCases.map { "\($0.label) \(report.changes?[$0.rawValue] ?? 0)" }.joined(separator: "，")
            lines.append("  该机关已有现行目录 #\(report.revisesCatalogId ?? 0)：本文件存为其修订稿（\(counts)）")
            for entry in report.diff ?? [] { lines.append("    " + CatalogDiffText.line(entry)) }
            if let approval = report.approval {
                lines.append("  已批准：第\(approval.versionNumber)版自 \(approval.effectiveFrom) 起施行，迁移记录 \(approval.movedRecords) 条，停用事项 \(approval.retiredItems) 个")
            } else {
                lines.append("  待审核：gongkai catalog approve \(report.catalogId ?? 0) --effective YYYY-MM-DD，或在“目录管理”页面审核")
            }
        case .unchanged?: lines.append("  与现行目录 #\(report.catalogId ?? 0) 完全相同：未作任何更改")
        default: break
        }
        lines.append("  机关：\(report.agency ?? "")")
        lines.append("  目录：\(report.title ?? "")（\(report.format ?? "")）")
        lines.append("  公开事项：\(report.itemCount ?? 0) 个")
        lines.append("  推断 \(report.inferences ?? 0) 条，存疑 \(report.ambiguities ?? 0) 条，警告 \(report.warnings ?? 0) 条")
        for diagnostic in report.diagnostics ?? [] {
            let tag = ["inference": "推断", "ambiguous": "存疑", "warning": "警告", "error": "错误"][diagnostic.severity.rawValue] ?? ""
            lines.append("    [\(tag)] \(diagnostic.locationText)：\(diagnostic.message)")
        }
        return lines.joined(separator: "\n")
    }
}
