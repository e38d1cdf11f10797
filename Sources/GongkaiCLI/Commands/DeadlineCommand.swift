import ArgumentParser
import Foundation
import GongkaiCore

/// `gongkai deadline "TEXT" [--from DATE] [--period P] [--kind KIND] [--json]`
struct DeadlineCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "deadline", abstract: "解析公开时限文字并计算到期日，给出计算过程。")

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "公开时限原文，如“自该信息形成或者变更之日起20个工作日内”。") var text: String
    @Option(help: "触发日期（信息形成或者变更之日等），YYYY-MM-DD。") var from: String?
    @Option(help: "所报期间：2024、2024H1、2024Q3 或 2024-03。") var period: String?
    @Option(help: "信息类别，用于按类别区分的时限（如 行政处罚）。") var kind: String?
    @Flag(help: "以 JSON 输出。") var json = false

    struct Output: Encodable {
        var rule: DeadlineRule
        var summary: String
        var due: String?
        var provisional: Bool
        var explanation: String
    }

    func run() async throws {
        try await reportingErrors {
            let trigger = try from.map { try parseDate($0, option: "--from") }
            let reportingPeriod = try period.map { text -> ReportingPeriod in
                guard let parsed = ReportingPeriod(text) else {
                    throw UserFacingError("--period“\(text)”无法识别；请写成 2024、2024H1、2024Q3 或 2024-03。")
                }
                return parsed
            }
            let rule = DeadlineParser.parse(text)
            let calculator = DueDateCalculator(calendar: try await database.workingCalendar())
            let result: DueDate
            do {
                result = try calculator.due(rule, trigger: trigger, period: reportingPeriod, recordKind: kind)
            } catch let failure as DueDateCalculator.Failure {
                throw UserFacingError(failure.description)
            }
            if json {
                print(try Console.json(Output(rule: rule, summary: rule.summary, due: result.due?.description,
                                              provisional: result.provisional, explanation: result.explanation)))
            } else {
                print("规则类型：\(rule.kind.rawValue)\(rule.continuous ? "（另须动态更新）" : "")")
                print(result.explanation)
                print("到期日：\(result.due?.description ?? "无")\(result.provisional ? "（临时）" : "")")
            }
        }
    }
}

/// `gongkai workdays add DATE N` · `gongkai workdays between A B`
struct WorkdaysCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "workdays", abstract: "工作日计算（含法定节假日与调休）。",
                                                    subcommands: [Add.self, Between.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "某日之后的第 N 个工作日。")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "起始日期 YYYY-MM-DD（当天不计）。") var date: String
        @Argument(help: "工作日数 N（≥0）。") var count: Int
        @Flag(help: "以 JSON 输出。") var json = false

        func run() async throws {
            try await reportingErrors {
                let start = try parseDate(date, option: "日期")
                guard count >= 0 else { throw UserFacingError("工作日数不能为负数。") }
                let calendar = try await database.workingCalendar()
                let result = calendar.adding(workdays: count, to: start)
                let provisional = calendar.isProvisional(from: start, to: result)
                if json {
                    print(try Console.json(["date": result.description, "provisional": provisional ? "true" : "false"]))
                } else {
                    print(result.description)
                    if provisional { Console.error("注意：涉及尚无节假日安排的年份，只按周末推算（临时结果）。") }
                }
            }
        }
    }

    struct Between: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "A 之后到 B（含）之间的工作日数。")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "A：YYYY-MM-DD（当天不计）。") var from: String
        @Argument(help: "B：YYYY-MM-DD（当天计入）。") var to: String

        func run() async throws {
            try await reportingErrors {
                let a = try parseDate(from, option: "日期A")
                let b = try parseDate(to, option: "日期B")
                let calendar = try await database.workingCalendar()
                print(calendar.workdays(from: a, to: b))
                if calendar.isProvisional(from: a, to: b) { Console.error("注意：涉及尚无节假日安排的年份，只按周末推算（临时结果）。") }
            }
        }
    }
}
