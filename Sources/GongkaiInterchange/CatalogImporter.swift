import Foundation
import GongkaiCore

/// The outcome of reading one file: the normalized catalog and everything inferred on the way.
public struct ImportResult: Sendable, Codable {
    public var catalog: Catalog
    public var diagnostics: [ImportDiagnostic]
    /// "文本转储", "TSV", "CSV", "Excel (.xlsx)", "Word (.docx)", "网页 (HTML)", "竖线分隔文本", "Markdown 表格",
    /// "Word 97-2003 (.doc)，经 LibreOffice 转换"
    public var format: String
    public var encoding: String?
    /// The date the catalog was published, from a "发布时间：…"/"日期：…" line near its title.
    public var publishedDate: CivilDate? = nil

    public func count(_ severity: ImportDiagnostic.Severity) -> Int { diagnostics.filter { $0.severity == severity }.count }
}

/// A file's reading: the result, and each table as read, for the import preview.
struct ImportReading {
    var result: ImportResult
    var tables: [TableLayout]
}

/// Reads a catalog file in any supported format into a normalized Catalog.
public enum CatalogImporter {
    /// `choices` are staff's column roles and header rows; nil or empty reads the file as the importer would by itself.
    public static func importFile(at url: URL, agency: String? = nil, choices: ReadingChoices? = nil) throws -> ImportResult {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw ImportError.unreadable(url.lastPathComponent, reason: "文件不存在或无权读取")
        }
        return try importData(data, fileName: url.lastPathComponent, agency: agency, choices: choices)
    }

    public static func importData(_ data: Data, fileName: String, agency: String? = nil, choices: ReadingChoices? = nil) throws -> ImportResult {
        try reading(data, fileName: fileName, agency: agency, choices: choices).result
    }

    /// Text that both readers take is read by the better of them; staff's choices then re-read it with that reader,
    /// since its table is the one they chose against (the preview shows it).
    static func reading(_ data: Data, fileName: String, agency: String?, choices: ReadingChoices?) throws -> ImportReading {
        let choices = choices.flatMap { $0.isEmpty ? nil : $0 }
        if data.starts(with: Array("%PDF".utf8)) { return try importPDF(data, fileName: fileName, agency: agency, choices: choices) }
        guard let lines = recoverableText(data, fileName: fileName) else {
            return try importClassic(data, fileName: fileName, agency: agency, choices: choices)
        }
        func classic(_ choices: ReadingChoices?) throws -> ImportReading {
            try importClassic(data, fileName: fileName, agency: agency, choices: choices)
        }
        func recovered(_ choices: ReadingChoices?) throws -> ImportReading {
            try importRecovered(lines.text, encoding: lines.encoding, fileName: fileName, agency: agency, choices: choices)
        }
        switch (Result { try classic(nil) }, Result { try recovered(nil) }) {
        case (.success(let first), .success(let second)):
            let (a, b) = (ReadingQuality.score(first.result), ReadingQuality.score(second.result))
            // On a tie the recovering reading wins: it marks what it is unsure of.
            guard b >= a - 0.03 else { return try choices.map(classic) ?? first }
            var chosen = try choices.map(recovered) ?? second
            chosen.result.diagnostics.insert(.init(.inference, .structure, String(format:
                "按单元格内容对齐的读法不比逐行读法差（单元格与所在列的吻合度 %.2f 对 %.2f），采用前者", b, a)), at: 0)
            return chosen
        case (.failure, .success(let second)): return try choices.map(recovered) ?? second
        case (.success(let first), .failure): return try choices.map(classic) ?? first
        case (.failure(let error), .failure):
            // A table neither reader could make sense of may read under staff's choices.
            guard let choices else { throw error }
            do { return try classic(choices) } catch {
                if let read = try? recovered(choices) { return read }
                throw error
            }
        }
    }

    /// Text that may hold a table copied from a page: bars or no delimiter at all (not HTML, TSV, CSV, Markdown or cell dumps).
    static func recoverableText(_ data: Data, fileName: String) -> (text: [Substring], encoding: String)? {
        guard FormatSniffer.binary(data, fileName: fileName) == nil, !MIMEHTML.recognizes(data),
              let (text, encoding) = try? TextDecoding.decode(data, fileName: fileName) else { return nil }
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
        switch FormatSniffer.text(text, lines: lines, fileName: fileName) {
        case .pipes where !lines.contains(where: PipeTableReader.isMarkdownRule), .tabbedBrowserCopy, nil: return (lines, encoding)
        default: return nil
        }
    }

    static let pdfFormat = "PDF（按文字位置还原表格）"

    /// A text PDF: its words' positions give the table back. A scanned PDF has no words and is refused.
    static func importPDF(_ data: Data, fileName: String, agency: String?, choices: ReadingChoices?) throws -> ImportReading {
        let read: (words: [PDFWord], pageHeights: [Double])
        do {
            read = try PDFWords.read(data)
        } catch PDFWords.Failure.toolMissing {
            throw ImportError.needsTool(fileName, format: "PDF", tool: "pdftotext", package: "poppler-utils")
        } catch {
            throw ImportError.damagedOffice(fileName, format: "PDF")
        }
        guard !read.words.isEmpty else {
            throw ImportError.notACatalog(fileName, reason:
                "这是扫描版 PDF（只有图像，没有文字层），无法读取其中的表格；请向发布单位索取 Word/Excel 版本，或先做文字识别（OCR）后导入")
        }
        let fragments = PDFTableFragments.fragments(read.words, pageHeights: read.pageHeights)
        let reading = try RecoveredTextReader.read(fragments, layout: .pipes, format: pdfFormat, choices: choices, fileName: fileName)
        return try importRecovered(reading, encoding: nil, fileName: fileName, agency: agency)
    }

    static func importRecovered(_ lines: [Substring], encoding: String, fileName: String, agency: String?,
                                choices: ReadingChoices?) throws -> ImportReading {
        try importRecovered(RecoveredTextReader.read(lines, choices: choices, fileName: fileName), encoding: encoding,
                            fileName: fileName, agency: agency)
    }

    static func importRecovered(_ reading: RecoveredTextReader.Reading?, encoding: String?, fileName: String,
                                agency: String?) throws -> ImportReading {
        guard let reading else {
            throw ImportError.notACatalog(fileName, reason: "文本中没有找到目录表头（如“序号、公开事项、公开内容、公开时限、公开主体”）")
        }
        guard reading.tables.contains(where: { !$0.rows.isEmpty }) else {
            throw ImportError.notACatalog(fileName, reason: "找到了表头，但表头下没有可识别的公开事项行")
        }
        var diagnostics = reading.diagnostics
        return try assemble(reading.tables, headings: reading.headings, notes: [], unit: .line, format: reading.format,
                            encoding: encoding, fileName: fileName, agency: agency, diagnostics: &diagnostics)
    }

    static func importClassic(_ data: Data, fileName: String, agency: String?, choices: ReadingChoices?) throws -> ImportReading {
        let (document, format, encoding) = try read(data, fileName: fileName)
        var diagnostics = document.diagnostics
        let tables = TableSplitter.split(document, diagnostics: &diagnostics)
        guard !tables.isEmpty else {
            throw ImportError.notACatalog(fileName, reason: document.unit == .row ? "文件中没有表格"
                                                     : "没有发现表格行（需要用制表符、逗号分隔的列，或 Excel/Word 表格）")
        }
        var interpreted: [InterpretedTable] = []
        for table in tables {
            interpreted.append(try TableInterpreter(document: document, fileName: fileName).interpret(table, choices: choices, diagnostics: &diagnostics))
        }
        guard interpreted.contains(where: { !$0.rows.isEmpty }) else {
            throw ImportError.notACatalog(fileName, reason: "表格中没有可识别的公开事项行")
        }
        let notes: [String] = tables.flatMap { $0.interleavedText.map { $0.text } } + interpreted.flatMap(\.notes)
        return try assemble(interpreted, headings: tables.map(\.headings), notes: notes, unit: document.unit, format: format,
                            encoding: encoding, fileName: fileName, agency: agency, diagnostics: &diagnostics)
    }

    /// Items, tree, agency and title from interpreted tables, whichever reader produced them.
    static func assemble(_ interpreted: [InterpretedTable], headings tableHeadings: [[(text: String, line: Int)]], notes: [String],
                         unit: SourceUnit, format: String, encoding: String?, fileName: String, agency: String?,
                         diagnostics: inout [ImportDiagnostic]) throws -> ImportReading {
        let headings = tableHeadings.flatMap { $0.map { $0.text } }
        let identity = try identify(headings: headings, tables: interpreted, fileName: fileName, agency: agency, diagnostics: &diagnostics)
        var roots: [CatalogNode] = []
        let notes = notes.map { $0.trimmed }.filter { !$0.isEmpty }
        for (index, table) in interpreted.enumerated() {
            let builder = ItemBuilder(sourceFile: fileName, unit: unit, agencyNames: identity.agencyNames,
                                      hasResponsibleColumn: table.hasResponsibleColumn)
            let items = table.rows.map { ($0.path, builder.build($0, diagnostics: &diagnostics)) }
            let tree = TreeBuilder.build(items, diagnostics: &diagnostics)
            if interpreted.count > 1 {
                let sectionHeadings = index < tableHeadings.count ? tableHeadings[index] : []
                let name = sectionName(sectionHeadings, catalogTitle: identity.title, agency: identity.agency.name, number: index + 1)
                roots.append(CatalogNode(name: name, children: tree))
                diagnostics.append(.init(.inference, .sectionCreated, first: table.firstLine,
                    "文件含\(interpreted.count)个表格，第\(index + 1)个表格作为顶层分类“\(name)”"))
            } else {
                roots = tree
            }
            if !table.hasResponsibleColumn {
                diagnostics.append(.init(.inference, .responsibleSplit, first: table.firstLine,
                    "本表没有“责任主体/责任科室”列，责任科室取自“公开主体”列"))
            }
        }
        let published = publishedDate(tableHeadings.flatMap { $0 }, unit: unit, diagnostics: &diagnostics)
        let catalog = Catalog(title: identity.title, version: AgencyRecognizer.version(of: identity.title),
                              agency: identity.agency, sourceFile: fileName, roots: roots, notes: notes, publishedDate: published)
        diagnostics.sort { ($0.first ?? 0, $0.severity) < ($1.first ?? 0, $1.severity) }
        return ImportReading(result: ImportResult(catalog: catalog, diagnostics: diagnostics, format: format, encoding: encoding,
                                                  publishedDate: published),
                             tables: interpreted.map(\.layout))
    }

    /// The first labelled date among the text before the tables ("发布时间：2023-05-10").
    static func publishedDate(_ headings: [(text: String, line: Int)], unit: SourceUnit, diagnostics: inout [ImportDiagnostic]) -> CivilDate? {
        for heading in headings {
            guard let (date, text) = PublishedDate.find(in: heading.text) else { continue }
            // Rows of Word and Excel tables are no place to point at for text outside them.
            let place = unit == .line && heading.line > 0 ? "第\(heading.line)行" : "表格前的文字"
            diagnostics.append(.init(.inference, .agencyRecognized, first: unit == .line && heading.line > 0 ? heading.line : nil,
                                     "目录发布日期取自\(place)：“\(text)”，为\(date)"))
            return date
        }
        return nil
    }

    static func read(_ data: Data, fileName: String) throws -> (SourceDocument, String, String?) {
        let lower = fileName.lowercased()
        switch FormatSniffer.binary(data, fileName: fileName) {
        case .package: return try OfficeReader.read(data, fileName: fileName)
        case .converted(let format): return try LegacyOfficeConverter.read(data, format: format, fileName: fileName)
        case .unsupported(let format): throw ImportError.unsupported(fileName, format: format)
        case nil: break
        }
        if lower.hasSuffix(".xlsx") || lower.hasSuffix(".docx") {
            if data.isEmpty { throw ImportError.emptyFile(fileName) }
            throw ImportError.damagedOffice(fileName, format: lower.hasSuffix(".xlsx") ? "Excel (.xlsx)" : "Word (.docx)")
        }
        if MIMEHTML.recognizes(data) {
            guard let html = MIMEHTML.extract(data) else {
                throw ImportError.truncated(fileName, format: "单个文件网页 (.mht)", reason: "找不到其中的网页部分")
            }
            let (text, encoding) = try TextDecoding.decode(html, fileName: fileName)
            return (try HTMLTableReader.read(text, fileName: fileName), "单个文件网页 (.mht)", encoding)
        }
        let (text, encoding) = try TextDecoding.decode(data, fileName: fileName)
        // "\r\n" is one Character in Swift, so it is a separator of its own.
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
        switch FormatSniffer.text(text, lines: lines, fileName: fileName) {
        case .html: return (try HTMLTableReader.read(text, fileName: fileName), HTMLTableReader.format, encoding)
        case .cellDump: return (CellDumpReader.read(lines), "文本转储", encoding)
        case .tsv: return (DelimitedReader.read(text, delimiter: "\t"), "TSV", encoding)
        case .tabbedBrowserCopy: return (PipeTableReader.read(lines, separator: "\t"), "网页复制的表格（制表符分隔）", encoding)
        case .pipes: return (PipeTableReader.read(lines), PipeTableReader.format(lines), encoding)
        case .csv: return (DelimitedReader.read(text, delimiter: ","), "CSV", encoding)
        case nil:
            throw ImportError.notACatalog(fileName, reason: "文本中没有表格（没有制表符、逗号或“|”分隔的列，也不是网页）")
        }
    }

    struct Identity {
        var title: String
        var agency: Agency
        var agencyNames: [String]
    }

    static func identify(headings: [String], tables: [InterpretedTable], fileName: String, agency override: String?,
                         diagnostics: inout [ImportDiagnostic]) throws -> Identity {
        let fromHeadings = AgencyRecognizer.fromHeadings(headings)
        let publishers = tables.flatMap { $0.rows.map { $0.record.value(.publisher) } }
        let responsible = tables.flatMap { $0.rows.map { $0.record.value(.responsible) } }
        let fromColumns = AgencyRecognizer.fromColumns(publishers: publishers, responsible: responsible)
        let recognized = fromHeadings.first ?? fromColumns
        var names = fromHeadings + [fromColumns].compactMap { $0 }
        let name: String
        if let override = override?.trimmed, !override.isEmpty {
            name = override
            diagnostics.append(.init(.inference, .agencyRecognized,
                "机关名称按 --agency 指定为“\(override)”" + (recognized.map { "（文件中写作“\($0)”）" } ?? "")))
        } else if let recognized {
            name = recognized
            let source = fromHeadings.isEmpty ? "“公开主体/责任主体”列" : "标题"
            diagnostics.append(.init(.inference, .agencyRecognized, "机关名称取自\(source)：“\(recognized)”"))
            if AgencyRecognizer.lacksPlace(recognized) {
                diagnostics.append(.init(.warning, .agencyRecognized,
                    "机关名称“\(recognized)”没有写明地名，请用 --agency 指定完整名称"))
            }
        } else {
            // Pages of a 领域 catalog often name no agency at all: the catalog is still read, under a placeholder
            // that says so, rather than refused.
            name = "未写明机关（\(fileName)）"
            diagnostics.append(.init(.warning, .agencyRecognized,
                "文件中没有写明机关名称，暂记为“\(name)”；请用 --agency 指定，或导入后在目录页面填写"))
        }
        names.insert(name, at: 0)
        var title = AgencyRecognizer.title(in: headings) ?? ""
        if title.isEmpty {
            title = "\(name)主动公开基本目录"
            diagnostics.append(.init(.inference, .titleGenerated, "文件没有目录标题，按机关名称生成“\(title)”"))
        }
        return Identity(title: title, agency: Agency(name: name), agencyNames: unique(names).sorted { $0.count > $1.count })
    }

    static func sectionName(_ headings: [(text: String, line: Int)], catalogTitle: String, agency: String, number: Int) -> String {
        let heading = headings.map { AgencyRecognizer.headingText($0.text) }.last { !$0.isEmpty && PublishedDate.find(in: $0) == nil }
        guard var name = heading else { return "表\(number)" }
        for prefix in [agency] + AgencyRecognizer.fromHeadings([name]) where name.hasPrefix(prefix) && name.count > prefix.count {
            name.removeFirst(prefix.count)
            break
        }
        return name.trimmed
    }
}
