import ArgumentParser
import Foundation
import GongkaiCore
import GongkaiInterchange
import GongkaiStore
import GongkaiWeb
import Hummingbird
import Logging

/// `gongkai serve [--db PATH|URL] [--files DIR] [--host 127.0.0.1] [--port 8080] [--demo] [--static-root DIR --public-origin URL]`
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "启动网站（工作人员后台 /admin、公开页面、API）。")

    @OptionGroup var database: DatabaseOptions
    @Option(help: "监听地址。") var host = "127.0.0.1"
    @Option(help: "端口。") var port = 8080
    @Flag(help: "载入演示数据：五个真实目录、演示账号和若干信息。") var demo = false
    @Flag(name: .customLong("secure-cookies"), help: "只通过 HTTPS 发送登录 Cookie（部署在 TLS 之后时使用）。") var secureCookies = false
    @Option(name: .customLong("static-root"), help: "把首页、机关页、栏目页和信息页写成静态文件放在此目录，供前置的 nginx 直接提供（见 docs/static-pages.md）。")
    var staticRoot: String?
    @Option(name: .customLong("public-origin"), help: "公众访问本站的地址（如 https://xxgk.example.gov.cn），静态页面里的绝对链接用它；与 --static-root 一起使用。")
    var publicOrigin: String?

    func validate() throws {
        guard let staticRoot else {
            if publicOrigin != nil { throw ValidationError("--public-origin 只与 --static-root 一起使用。") }
            return
        }
        if staticRoot.isEmpty { throw ValidationError("--static-root 不能为空。") }
        guard let origin = publicOrigin.flatMap(URL.init(string:)), ["http", "https"].contains(origin.scheme ?? ""), origin.host != nil,
              origin.path.isEmpty || origin.path == "/" else {
            throw ValidationError("使用 --static-root 时须给出 --public-origin，即公众访问本站的地址，如 https://xxgk.example.gov.cn（不带路径）。")
        }
    }

    func run() async throws {
        try await reportingErrors {
            // Before the jobs start: a counter made before it would count nothing.
            ProcessMetrics.bootstrap()
            var logger = Logger(label: "gongkai") { ConsoleLogHandler(label: $0) }
            logger.logLevel = .info
            let bundled = try HolidayData.bundledYears()
            let db = try await database.open()
            let accounts = AccountRepository(db)
            let calendar = try await CalendarRepository(db).calendar(bundled: bundled)
            if demo {
                let seeder = DemoSeeder(database: db)
                print(try await seeder.seed())
                let today = CivilDate(localDate: Date())
                if let manifest = try await seeder.simulateYear(today.year, at: DemoSeeder.simulationEnd(year: today.year, today: today),
                                                                calendar: calendar, progress: { print($0) }) {
                    print("已模拟\(manifest.year)年的公开工作：\(manifest.records)条信息，预设问题\(manifest.expected.count)项（后台“合规检查”可见）。")
                }
            } else if try await accounts.count() == 0 {
                let password = ProcessInfo.processInfo.environment["GONGKAI_ADMIN_PASSWORD"] ?? AccountRepository.randomToken().prefix(16).description
                try await accounts.create(username: "admin", displayName: "系统管理员", password: password, role: .systemAdmin,
                                          agencyID: nil, actor: "system")
                print("已创建系统管理员账号 admin，初始密码：\(password)（只显示这一次，请登录后立即修改）")
            }
            // Scheduled jobs run on one instance only: the job leader (always this one with SQLite).
            let leader = try JobLeader(database: db, logger: logger)
            let jobs = ScheduledJobs(database: db, calendar: calendar, leader: leader, logger: logger)
            let leading = Task { await leader.run() }
            let running = Task { await jobs.run() }
            // Another instance's changes reach this one's cached public pages within a quarter second.
            var config = WebConfig(secureCookies: secureCookies, contentCheckInterval: .milliseconds(250),
                                   metricsToken: ProcessInfo.processInfo.environment["GONGKAI_METRICS_TOKEN"])
            config.jobLeader = leader
            config.strictTemplates = ProcessInfo.processInfo.environment["GONGKAI_STRICT_TEMPLATES"] == "1"
            let site = try await buildSite(database: db, calendar: calendar, config: config)
            let app = buildApplication(site: site, host: host, port: port, logger: logger)
            print("Gongkai 已启动：http://\(host):\(port)/  （后台 /admin，数据库 \(db.path)，附件目录 \(db.filesDirectory.path)）")
            // Every instance keeps its own folder: each nginx in front reads the one beside it.
            let mirroring = Task {
                guard let staticRoot, let origin = publicOrigin.flatMap(URL.init(string:)) else { return }
                print("静态页面目录：\(staticRoot)（公开地址 \(origin.absoluteString)）")
                await StaticMirror(site: site, database: db, root: URL(fileURLWithPath: staticRoot), origin: origin, logger: logger).run(every: .seconds(1))
            }
            try await app.runService()
            mirroring.cancel()
            await mirroring.value
            running.cancel()
            leading.cancel()
            await running.value
            await leading.value
            await db.close()
        }
    }
}
