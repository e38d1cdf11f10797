import Foundation
import GongkaiCore
import GongkaiStore
import Testing

extension CLITests {
    /// `gongkai report` on the simulated year: every cell of tables 二, 三 and 四 equals a count made here, straight
    /// from the raw rows (records, catalog nodes, the requests' event JSON), and the arithmetic identities hold.
    @Suite struct AnnualReportCommandTests {
        @Test func everyCellOfTheSimulatedYearEqualsAnIndependentCount() async throws {
            let directory = try CommandRunner.temporaryDirectory()
            let db = directory.appendingPathComponent("year.sqlite").path
            let demo = try await CommandRunner.run(["demo", "--db", db, "--year", "2026", "--at", "2026-12-31"])
            #expect(demo.exitCode == 0, "\(demo.stdout)")
            let database = try await GongkaiDatabase.open(path: db)
            let raw = try await RawYear.load(database, year: 2026)
            await database.close()

            var totals: [String: Int] = [:]
            for agency in 1...5 {
                let out = directory.appendingPathComponent("report-\(agency).json")
                let run = try await CommandRunner.run(["report", "--db", db, "--agency", "\(agency)", "--year", "2026", "--at", "2026-12-31",
                                                       "--json", "--out", out.path])
                #expect(run.exitCode == 0)
                let json = try JSONSerialization.jsonObject(with: Data(contentsOf: out)) as! [String: Any]
                let tables = try #require(json["tables"] as? [String: Any])
                #expect(Set(tables.keys) == ["二", "三", "四"])
                let expected = raw.cells(agencyID: agency)
                var compared = 0
                for (name, table) in tables {
                    for cell in Self.cells(table) where cell.source == "computed" {
                        #expect(cell.value == expected[cell.id] ?? 0, "agency \(agency) table \(name) cell \(cell.id)")
                        totals[cell.id, default: 0] += cell.value
                        compared += 1
                    }
                }
                #expect(compared == 9 + 175 + 15)
                // The identities hold; only the fee amount, which no record holds, waits for staff.
                let checks = try #require(json["checks"] as? [[String: Any]])
                let failing = checks.filter { $0["ok"] as? Bool == false }.compactMap { $0["name"] as? String }
                #expect(failing == ["人工填报数据已填写"], "agency \(agency)")
                #expect(checks.contains { ($0["name"] as? String)?.hasPrefix("表三勾稽关系") == true && $0["ok"] as? Bool == true })
            }
            // The year exercises every table: documents, decisions of all three kinds, requests, and both kinds of appeal.
            for id in ["二.normativeDocument.issued", "二.penalty.decisions", "二.enforcement.decisions", "三.newlyReceived.total",
                       "三.carriedForward.total", "四.cases.review.upheld", "四.cases.directLitigation.pending"] {
                #expect(totals[id, default: 0] > 0, "\(id)")
            }
        }

        /// The report as .docx (a Word package), PDF (LibreOffice; its text read back with pdftotext), HTML and text;
        /// Chinese errors for what cannot be done.
        @Test func writesDocxPdfHtmlAndRefusesBadRequests() async throws {
            let directory = try CommandRunner.temporaryDirectory()
            let db = directory.appendingPathComponent("g.sqlite").path
            _ = try await CommandRunner.run(["demo", "--db", db])
            let base = ["report", "--db", db, "--agency", "1", "--year", "2026", "--at", "2026-12-31"]
            let docx = directory.appendingPathComponent("report.docx"), pdf = directory.appendingPathComponent("report.pdf")
            #expect(try await CommandRunner.run(base + ["--format", "docx", "--out", docx.path]).exitCode == 0)
            #expect(try Data(contentsOf: docx).prefix(2) == Data("PK".utf8))
            #expect(try await CommandRunner.run(base + ["--format", "pdf", "--out", pdf.path]).exitCode == 0)
            let text = Process()
            text.executableURL = URL(fileURLWithPath: "/usr/bin/pdftotext")
            text.arguments = ["-layout", pdf.path, "-"]
            let pipe = Pipe()
            text.standardOutput = pipe
            try text.run()
            let extracted = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            text.waitUntilExit()
            let compact = extracted.filter { !$0.isWhitespace }
            #expect(compact.contains("淄博市医疗保障局沂源分局") && compact.contains("2026年政府信息公开工作年度报告"))
            for heading in NarrativeSection.headings { #expect(compact.contains(heading), "\(heading)") }

            let html = directory.appendingPathComponent("report.html")
            #expect(try await CommandRunner.run(base + ["--format", "html", "--out", html.path]).exitCode == 0)
            let page = try String(contentsOf: html, encoding: .utf8)
            #expect(page.contains("<caption>四、政府信息公开行政复议、行政诉讼情况</caption>") && page.contains("<svg"))
            let summary = try await CommandRunner.run(base)
            #expect(summary.exitCode == 0 && summary.stdout.contains("✗ 人工填报数据已填写"))

            #expect(try await CommandRunner.run(base + ["--format", "pdf"]).exitCode != 0)
            #expect(try await CommandRunner.run(["report", "--db", db, "--agency", "99", "--year", "2026", "--json"]).exitCode != 0)
            #expect(try await CommandRunner.run(["report", "--db", db, "--agency", "1", "--year", "2040", "--json"]).exitCode != 0)
        }

        struct Cell { var id: String; var source: String; var value: Int }

        static func cells(_ table: Any) -> [Cell] {
            let sections = (table as? [String: Any])?["sections"] as? [[String: Any]] ?? []
            return sections.flatMap { ($0["rows"] as? [[String: Any]]) ?? [] }.flatMap { ($0["cells"] as? [[String: Any]]) ?? [] }.map {
                Cell(id: $0["id"] as! String, source: $0["source"] as! String, value: ($0["value"] as? NSNumber)?.intValue ?? -1)
            }
        }
    }
}

/// The simulated year's raw rows and the report's counts made from them directly, as the checker of a
/// hand-compiled report would: 规范性文件 columns and 有效性 for table 二 (一), the column a record is filed
/// under for decisions, and each request's events for tables 三 and 四.
struct RawYear {
    struct Node { var name: String; var parent: Int? }
    struct Row { var agency: Int; var title: String; var written: String?; var published: String; var validity: String?; var changed: String?; var nodes: [Int] }
    struct Request { var agency: Int; var kind: String; var events: [[String: Any]] }

    var year: Int
    var nodes: [Int: Node]
    var records: [Row]
    var requests: [Request]

    static func load(_ database: GongkaiDatabase, year: Int) async throws -> RawYear {
        var nodes: [Int: Node] = [:]
        for row in try await database.sql.raw("SELECT id, parent_id, name FROM catalog_nodes").all() {
            nodes[try row.decode(column: "id", as: Int.self)] = Node(name: try row.decode(column: "name", as: String.self),
                                                                     parent: try row.decode(column: "parent_id", as: Int?.self))
        }
        var records: [Row] = []
        let lastDay = "\(year)-12-31"
        for row in try await database.sql.raw("""
            SELECT id, agency_id, title, written_date, published_date, validity, content FROM records
            WHERE status = 'published' AND published_date <= \(bind: lastDay) ORDER BY id
            """).all() {
            let id = try row.decode(column: "id", as: Int.self)
            let content = try JSONSerialization.jsonObject(with: Data(try row.decode(column: "content", as: String.self).utf8)) as! [String: Any]
            let items = try await database.sql.raw("SELECT node_id FROM record_items WHERE record_id = \(bind: id) ORDER BY position").all()
                .map { try $0.decode(column: "node_id", as: Int.self) }
            records.append(Row(agency: try row.decode(column: "agency_id", as: Int.self), title: try row.decode(column: "title", as: String.self),
                               written: try row.decode(column: "written_date", as: String?.self),
                               published: try row.decode(column: "published_date", as: String.self),
                               validity: try row.decode(column: "validity", as: String?.self), changed: content["validityChangedOn"] as? String,
                               nodes: items))
        }
        let requests = try await database.sql.raw("SELECT agency_id, applicant_kind, events FROM disclosure_requests").all().map { row in
            Request(agency: try row.decode(column: "agency_id", as: Int.self), kind: try row.decode(column: "applicant_kind", as: String.self),
                    events: try JSONSerialization.jsonObject(with: Data(try row.decode(column: "events", as: String.self).utf8)) as! [[String: Any]])
        }
        return RawYear(year: year, nodes: nodes, records: records, requests: requests)
    }

    /// The names from a node up to the root.
    func names(_ id: Int) -> [String] {
        var result: [String] = [], next: Int? = id
        while let current = next, let node = nodes[current] { result.append(node.name); next = node.parent }
        return result
    }

    func cells(agencyID: Int) -> [String: Int] {
        var cells: [String: Int] = [:]
        let y = String(year)
        for record in records where record.agency == agencyID {
            let policyColumn = record.nodes.contains { id in
                let own = names(id)
                let excluded = ["解读", "清理", "废止", "转发"].contains { own[0].contains($0) }
                return !excluded && (own[0].contains("规范性文件") || (own.count > 1 && own[1].contains("规范性文件")))
            }
            let path = record.nodes.first.map(names) ?? []
            if record.validity != nil || policyColumn {
                let row = path.contains { $0.contains("规章") && !$0.contains("规范性文件") } ? "regulation" : "normativeDocument"
                let issued = record.written ?? record.published
                if issued.hasPrefix(y) { cells["二.\(row).issued", default: 0] += 1 }
                if record.validity == "repealed", record.changed?.hasPrefix(y) == true { cells["二.\(row).repealed", default: 0] += 1 }
                let ended = record.validity != nil && record.validity != "valid" && (record.changed.map { $0 <= "\(y)-12-31" } ?? false)
                if issued <= "\(y)-12-31" && !ended { cells["二.\(row).inForce", default: 0] += 1 }
                continue
            }
            if ["清单", "流程", "依据", "指南", "标准", "目录"].contains(where: record.title.contains) { continue }
            let kinds: [(String, String)] = [("license", "许可"), ("penalty", "处罚"), ("enforcement", "强制")]
            var kind: String?
            let inTitle = kinds.filter { record.title.contains($0.1) }
            if inTitle.count == 1 { kind = inTitle[0].0 } else {
                for name in path {
                    if ["清单", "流程", "依据", "指南", "标准", "目录"].contains(where: name.contains) { break }
                    let named = kinds.filter { name.contains($0.1) }
                    if !named.isEmpty { kind = named.count == 1 ? named[0].0 : nil; break }
                }
            }
            if let kind, (record.written ?? record.published).hasPrefix(y) { cells["二.\(kind).decisions", default: 0] += 1 }
        }
        for request in requests where request.agency == agencyID {
            var received: String?, concluded: (day: String, row: String)?
            for event in request.events {
                let day = event["date"] as! String, type = event["type"] as! String
                switch type {
                case "received": received = received ?? day
                case "answered": if concluded == nil { concluded = (day, event["outcome"] as! String) }
                case "clarificationExpired": if concluded == nil { concluded = (day, "otherHandling.clarificationOverdue") }
                case "clarificationRequested", "clarificationReceived", "consultationStarted", "consultationEnded", "extended",
                     "reviewFiled", "reviewDecided", "litigationFiled", "litigationDecided": break
                default: Issue.record("the raw count does not know the event \(type)")
                }
            }
            guard let received, received <= "\(y)-12-31" else { continue }
            func add(_ row: String) {
                cells["三.\(row).\(request.kind)", default: 0] += 1
                cells["三.\(row).total", default: 0] += 1
            }
            if received.hasPrefix(y) { add("newlyReceived") }
            if received < y, concluded.map({ $0.day >= y }) ?? true { add("carriedOver") }
            if let concluded, concluded.day.hasPrefix(y) { add(concluded.row); add("concludedTotal") }
            if concluded.map({ $0.day > "\(y)-12-31" }) ?? true { add("carriedForward") }
            // Table 四: a case counts from its filing until the year it is decided.
            var review: (filed: String, decided: String?, result: String)?
            var litigation: (filed: String, decided: String?, result: String, afterReview: Bool)?
            for event in request.events {
                let day = event["date"] as! String
                switch event["type"] as! String {
                case "reviewFiled": review = (day, nil, "pending")
                case "reviewDecided": review?.decided = day; review?.result = event["result"] as! String
                case "litigationFiled": litigation = (day, nil, "pending", review != nil)
                case "litigationDecided": litigation?.decided = day; litigation?.result = event["result"] as! String
                default: break
                }
            }
            func appeal(_ group: String, filed: String, decided: String?, result: String) {
                guard filed <= "\(y)-12-31", decided.map({ $0 >= y }) ?? true else { return }
                let column = decided.map { $0.hasPrefix(y) } == true ? result : "pending"
                cells["四.cases.\(group).\(column)", default: 0] += 1
                cells["四.cases.\(group).total", default: 0] += 1
            }
            if let review { appeal("review", filed: review.filed, decided: review.decided, result: review.result) }
            if let litigation {
                appeal(litigation.afterReview ? "litigationAfterReview" : "directLitigation", filed: litigation.filed,
                       decided: litigation.decided, result: litigation.result)
            }
        }
        return cells
    }
}
