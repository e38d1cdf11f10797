import Foundation
import GongkaiCore
import GongkaiInterchange
import GongkaiStore
import Hummingbird

/// /admin/catalogs/import: upload a catalog file, preview it as read, change column roles or header rows and read
/// it again, then store it in one transaction (a first version, or a draft revision of the version in force).
/// Between the steps the file waits in a staging folder under the attachments folder; nothing is in the database.
struct ImportController {
    let catalogs: CatalogRepository
    let directory: AgencyDirectory
    let deadlines: DueDateCalculator
    let renderer: Renderer
    /// The attachments folder, under which uploads wait between preview and saving.
    let files: URL

    /// The value of the agency select that means "the agency the file names".
    static let byFile = ""

    func addRoutes(to router: Router<WebContext>) {
        router.get(.adminCatalogImport) { _, context in
            let user = try requireUser(context)
            return try await render(ImportPage(actionURL: SiteURL.adminCatalogImport.path, agencies: try await agencyOptions(user, selected: user.agencyID),
                                               canCreateAgency: user.role == .systemAdmin, upload: "", error: nil, preview: nil, trail: [.workbench]),
                                    user: user, context: context)
        }
        router.post(.adminCatalogImport) { request, context in try await submit(request, context) }
    }

    private func render(_ page: ImportPage, user: User, context: WebContext, status: HTTPResponse.Status = .ok) async throws -> Response {
        guard Permissions.canImportCatalog(agencyID: user.role == .systemAdmin ? nil : user.agencyID, user) else {
            throw WebError.forbidden("只有机关管理员或系统管理员可以导入目录。")
        }
        return renderer.render("catalog-import", title: "导入或修订目录", content: page, context: context, status: status)
    }

    private func agencyOptions(_ user: User, selected: Int?) async throws -> [SelectOption] {
        let agencies = try await directory.agencies().filter { Permissions.canImportCatalog(agencyID: $0.id, user) }
        let own = agencies.map { SelectOption(value: String($0.id), label: $0.name, selected: $0.id == selected) }
        guard user.role == .systemAdmin else { return own }
        return [SelectOption(value: Self.byFile, label: "按文件中的机关名称", selected: selected == nil)] + own
    }

    private func submit(_ request: Request, _ context: WebContext) async throws -> Response {
        let user = try requireUser(context)
        let body = try await request.body.collect(upTo: context.maxUploadSize)
        guard let boundary = Multipart.boundary(request.headers[.contentType]) else { throw WebError.badRequest("请用页面上的表单上传文件。") }
        let form = Multipart(Data(buffer: body), boundary: boundary)
        func text(_ name: String) -> String { (form.text(name) ?? "").trimmed }
        let agencyID = text("agency").isEmpty ? nil : Int(text("agency"))
        guard Permissions.canImportCatalog(agencyID: agencyID, user) else { throw WebError.forbidden("不能为其他机关导入目录。") }
        var page = ImportPage(actionURL: SiteURL.adminCatalogImport.path, agencies: try await agencyOptions(user, selected: agencyID),
                              canCreateAgency: user.role == .systemAdmin, upload: text("upload"), error: nil, preview: nil, trail: [.workbench])
        let staged: StagedUpload
        do {
            if let file = form.file("file"), !file.data.isEmpty {
                staged = try StagedUpload.stage(file.data, name: file.filename ?? "目录", in: files)
            } else {
                staged = try StagedUpload.find(text("upload"), in: files)
            }
        } catch let error as StagedUpload.Missing {
            page.error = error.description
            return try await render(page, user: user, context: context, status: .badRequest)
        }
        page.upload = staged.token
        var agencyName: String?
        if let agencyID { agencyName = try await directory.agency(id: agencyID)?.name }
        // A file with several tables shows a select per column of each; the same column number in two tables is one
        // choice, so a role given in one table (the others left 自动) or the same role in both counts once.
        var columnChoices: [String] = []
        for part in form.parts where part.name.hasPrefix("role-") && part.filename == nil {
            let role = String(decoding: part.data, as: UTF8.self).trimmed
            let entry = "\(part.name.dropFirst(5))=\(role)"
            if !role.isEmpty, !columnChoices.contains(entry) { columnChoices.append(entry) }
        }
        if !text("headerRows").isEmpty, Int(text("headerRows")) == nil {
            page.error = "表头行数须为整数（0 表示没有表头行）。"
            return try await render(page, user: user, context: context, status: .unprocessableContent)
        }
        do {
            let choices = try ReadingChoices(columns: columnChoices.isEmpty ? nil : columnChoices.joined(separator: ","),
                                             headerRows: Int(text("headerRows")))
            var preview = try CatalogImporter.preview(data: try staged.data(), fileName: staged.name, agency: agencyName,
                                                      choices: choices.isEmpty ? nil : choices)
            if let agencyName { preview.result.catalog.agency = Agency(name: agencyName) }
            if text("action") == "store" {
                let outcome = try await catalogs.store(preview.result.catalog, format: preview.result.format,
                                                       diagnostics: preview.result.diagnostics, actor: user.username)
                staged.remove()
                switch outcome.kind {
                case .revisionDraft: return Renderer.redirect(SiteURL.adminCatalogRevision(.value(outcome.catalogID)).path)
                case .firstVersion, .unchanged: return Renderer.redirect(SiteURL.adminCatalog(.value(outcome.catalogID)).path)
                }
            }
            page.preview = try await self.preview(preview, headerRows: text("headerRows"))
            return try await render(page, user: user, context: context)
        } catch let error as ReadingChoices.ParseError {
            page.error = error.description
        } catch let error as ImportError {
            page.error = error.description
        }
        return try await render(page, user: user, context: context, status: .unprocessableContent)
    }

    private func preview(_ preview: ImportPreview, headerRows: String) async throws -> ImportPage.Preview {
        let catalog = preview.result.catalog
        let tables = preview.tables.enumerated().map { index, table in
            ImportPage.Table(
                caption: "表\(index + 1)（自第\(table.firstLine)行起，共\(table.totalRows)行，其中表头\(table.headerRowCount)行）",
                columns: table.columns.map { column in
                    let chosen = column.chosen ? column.role : nil
                    return ImportPage.Column(
                        number: column.number, header: column.header, fieldID: "role-\(index + 1)-\(column.number)", fieldName: "role-\(column.number)",
                        roleName: column.roleName, chosen: column.chosen,
                        options: [SelectOption(value: "", label: "自动", selected: chosen == nil)]
                            + ChosenRole.allCases.map { SelectOption(value: $0.name, label: $0.name, selected: $0 == chosen) })
                },
                rows: table.rows.enumerated().map { ImportPage.Row(cells: $1, isHeader: $0 < table.headerRowCount) },
                more: table.totalRows > table.rows.count ? "另有\(table.totalRows - table.rows.count)行未显示。" : nil)
        }
        let items = preview.items.map { entry in
            let rule = entry.item.deadlineRule ?? DeadlineParser.parse(entry.item.deadlineText)
            let doubts = (entry.item.doubts ?? []).map { "\($0.field)：\($0.reason)" }
            return ImportPage.Item(path: entry.path.joined(separator: " › "), deadlineText: entry.item.deadlineText, rule: rule.summary,
                                   explanation: (try? deadlines.due(rule))?.explanation ?? "", doubts: doubts, hasDoubts: !doubts.isEmpty)
        }
        let outcome: String
        var canStore = !catalog.items.isEmpty
        let existing = try await directory.agencies().first { $0.name == catalog.agency.name }
        if let existing, let current = try await catalogs.current(agencyID: existing.id) {
            let diff = CatalogDiff.compute(from: try await catalogs.load(id: current.id), to: catalog)
            if diff.isEmpty {
                outcome = "与现行目录完全相同，保存不会作任何更改。"
                canStore = false
            } else {
                let counts = CatalogDiff.Change.allCases.map { "\($0.label)\(diff.count($0))" }.joined(separator: "，")
                outcome = "该机关已有现行目录（\(CatalogVersionLabel.name(current))）：保存后作为其修订稿，待审核批准后施行（\(counts)）。"
            }
        } else {
            outcome = catalog.items.isEmpty ? "没有读到任何事项，不能保存；请调整各列的角色或表头行数。"
                : "保存后作为“\(catalog.agency.name)”的第一版目录，立即施行。"
        }
        return ImportPage.Preview(
            fileName: preview.fileName, format: preview.format, agency: catalog.agency.name, title: catalog.title, itemCount: catalog.items.count,
            doubtfulCount: items.filter(\.hasDoubts).count, tables: tables, headerRows: headerRows,
            diagnostics: preview.result.diagnostics.filter { $0.severity != .inference }.map { "\($0.locationText)：\($0.message)" },
            hasDiagnostics: preview.result.diagnostics.contains { $0.severity != .inference }, items: items, outcome: outcome, canStore: canStore)
    }
}
