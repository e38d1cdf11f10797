import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import GongkaiCore
import GongkaiInterchange
import GongkaiStore
import GongkaiWeb
import Hummingbird
import Logging

extension BenchCommand {
    /// wrk (64 connections) on the home, an agency, an item and a record page, served by Gongkai and by nginx (Debian) serving the
    /// same bytes as static files, both on loopback ports.
    func benchWeb() async throws {
        for tool in ["wrk", "nginx"] where Self.which(tool) == nil {
            throw UserFacingError("需要 \(tool)：apt-get install wrk nginx")
        }
        let database = try await benchmarkDatabase()
        let recordID = try await database.sql.raw("SELECT MAX(id) AS n FROM records WHERE published_version IS NOT NULL").first()!.decode(column: "n", as: Int.self)
        let itemID = try await database.sql.raw("SELECT node_id FROM record_items WHERE record_id = \(bind: recordID)").first()!.decode(column: "node_id", as: Int.self)
        var logger = Logger(label: "gongkai.bench") { ConsoleLogHandler(label: $0) }
        logger.logLevel = .error
        let port = Int.random(in: 30_000...40_000), nginxPort = port + 1
        let site = try await buildSite(database: database, calendar: WorkingCalendar(try HolidayData.bundledYears()), config: WebConfig())
        let app = buildApplication(site: site, host: "127.0.0.1", port: port, logger: logger)
        let server = Task { try await app.runService() }
        defer { server.cancel() }
        let agencyID = try await database.sql.raw("SELECT agency_id FROM records WHERE id = \(bind: recordID)").first()!.decode(column: "agency_id", as: Int.self)
        let pages = [("首页", SiteURL.home.path), ("机关页", SiteURL.agency(agencyID).path), ("栏目页", SiteURL.item(itemID).path),
                     ("信息页", SiteURL.record(recordID).path)]
        var bodies: [String: Data] = [:]
        for attempt in 0..<100 {
            if let data = try? await Self.fetch("http://127.0.0.1:\(port)\(SiteURL.health.path)"), !data.isEmpty { break }
            if attempt == 99 { throw UserFacingError("服务器没有启动") }
            try await Task.sleep(for: .milliseconds(100))
        }
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-nginx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("html"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        for (name, path) in pages {
            let data = try await Self.fetch("http://127.0.0.1:\(port)\(path)")
            bodies[path] = data
            try data.write(to: root.appendingPathComponent("html/\(name).html"))
        }
        // The deployment docs/static-pages.md describes: the mirror's folder, nginx in front with its configuration.
        let frontPort = nginxPort + 1, mirrorRoot = root.appendingPathComponent("mirror")
        let mirror = StaticMirror(site: site, database: database, root: mirrorRoot, origin: URL(string: "http://127.0.0.1:\(frontPort)")!, logger: logger)
        let mirrorStarted = ContinuousClock.now
        let (mirrored, _) = try await mirror.update()
        print(String(format: "静态页面目录：%d 页，用时 %.1f 秒", mirrored.pages, Self.milliseconds(ContinuousClock.now - mirrorStarted) / 1000))
        let config = """
            worker_processes auto; daemon off; pid \(root.path)/nginx.pid; error_log \(root.path)/error.log;
            events { worker_connections 1024; }
            http { access_log off; default_type "text/html; charset=utf-8";
              server { listen 127.0.0.1:\(nginxPort); root \(root.path)/html; }
            \(StaticPagesNginx.http(root: mirrorRoot.path, application: "127.0.0.1:\(port)", listen: "127.0.0.1:\(frontPort)")) }
            """
        try config.write(to: root.appendingPathComponent("nginx.conf"), atomically: true, encoding: .utf8)
        let nginx = Process()
        nginx.executableURL = URL(fileURLWithPath: Self.which("nginx")!)
        nginx.arguments = ["-c", root.appendingPathComponent("nginx.conf").path, "-p", root.path]
        try nginx.run()
        defer { nginx.terminate() }
        try await Task.sleep(for: .milliseconds(500))
        print("页面吞吐（wrk -t2 -c64 -d\(seconds)s，本机回环；\(records) 条信息的数据库；CPU 为每个请求所用的服务器 CPU 时间）")
        let ownProcess = [getpid()], nginxProcesses = [nginx.processIdentifier] + ProcessCPU.children(of: nginx.processIdentifier)
        for (name, path) in pages {
            let gongkai = try ProcessCPU.perRequest(ownProcess) { try Self.wrk("http://127.0.0.1:\(port)\(path)", seconds: seconds) }
            let encoded = "\(name).html".addingPercentEncoding(withAllowedCharacters: .urlPathAllowed)!
            let static_ = try ProcessCPU.perRequest(nginxProcesses) { try Self.wrk("http://127.0.0.1:\(nginxPort)/\(encoded)", seconds: seconds) }
            print(String(format: "  %@（%d 字节）：gongkai %.0f 请求/秒（p99 %@，CPU %.1f µs），nginx %.0f 请求/秒（p99 %@，CPU %.1f µs），比例 %.0f%%",
                         name, bodies[path]?.count ?? 0, gongkai.run.rate, gongkai.run.p99, gongkai.microseconds,
                         static_.run.rate, static_.run.p99, static_.microseconds, gongkai.run.rate / static_.run.rate * 100))
            // Through the front: the mirror's file when nginx has it (checked byte for byte), else the application.
            let served = try await Self.fetch("http://127.0.0.1:\(frontPort)\(path)")
            let fromFile = (try? Data(contentsOf: StaticPageFolder(root: mirrorRoot).file(for: path))) == served
            let front = try ProcessCPU.perRequest(nginxProcesses) { try Self.wrk("http://127.0.0.1:\(frontPort)\(path)", seconds: seconds) }
            print(String(format: "    nginx 前置（%@）：%.0f 请求/秒（p99 %@，CPU %.1f µs），为 nginx 的 %.0f%%",
                         fromFile ? "静态页面" : "转给 gongkai", front.run.rate, front.run.p99, front.microseconds, front.run.rate / static_.run.rate * 100))
        }
        await database.close()
    }

    static func which(_ tool: String) -> String? {
        for directory in ["/usr/sbin", "/usr/bin", "/usr/local/bin", "/usr/local/sbin"] where FileManager.default.isExecutableFile(atPath: "\(directory)/\(tool)") {
            return "\(directory)/\(tool)"
        }
        return nil
    }

    static func fetch(_ url: String) async throws -> Data {
        try await URLSession.shared.data(from: URL(string: url)!).0
    }

    /// Runs wrk and returns its Requests/sec and its 99th percentile latency as wrk prints it ("3.21ms").
    static func wrk(_ url: String, seconds: Int) throws -> WrkRun {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: which("wrk")!)
        process.arguments = ["-t2", "-c64", "-d\(seconds)s", "--latency", url]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard let line = output.split(separator: "\n").first(where: { $0.contains("Requests/sec") }),
              let value = Double(line.split(separator: " ").last ?? "") else { throw UserFacingError("无法读取 wrk 的结果：\(output)") }
        let p99 = output.split(separator: "\n").first { $0.trimmingCharacters(in: .whitespaces).hasPrefix("99%") }
            .flatMap { $0.split(separator: " ").last.map(String.init) } ?? "?"
        let requests = output.split(separator: "\n").first { $0.contains("requests in") }
            .flatMap { Int($0.trimmingCharacters(in: .whitespaces).split(separator: " ").first ?? "") } ?? 0
        return WrkRun(rate: value, p99: p99, requests: requests)
    }
}
