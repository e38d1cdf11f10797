import ArgumentParser
import Foundation
import GongkaiCore
import GongkaiStore

/// `gongkai requests [--agency ID] [--at YYYY-MM-DD] [--json]`: disclosure requests with their status and answer clock,
/// computed from each request's events on the working calendar at `--at`. No applicant data is printed (no audit needed).
struct RequestsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "requests", abstract: "依申请公开：列出申请及其状态、收到日期和答复期限。")

    @OptionGroup var database: DatabaseOptions
    @Option(help: "只列出这个机关（机关编号）的申请。") var agency: Int?
    @Option(help: "计算期限的日期（YYYY-MM-DD，默认今天）。") var at: String?
    @Flag(help: "输出 JSON 数组：[{\"code\", \"status\", \"statusLabel\", \"received\", \"due\", …}]。") var json = false

    func run() async throws {
        try await reportingErrors {
            let day = try at.map { try parseDate($0, option: "--at") } ?? CivilDate(localDate: Date())
            let calendar = try await database.workingCalendar()
            let rows = try await database.withDatabase { db in
                if let agency, try await AgencyDirectory(db).agency(id: agency) == nil { throw UserFacingError("没有编号为 \(agency) 的机关。") }
                return try await RequestRepository(db).all(agencyID: agency)
            }
            let lines = rows.map { RequestListing($0, calendar: calendar, today: day) }
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                print(String(decoding: try encoder.encode(lines), as: UTF8.self))
            } else if lines.isEmpty {
                print("没有申请。")
            } else {
                for line in lines {
                    print([line.code, line.statusLabel, "收到 \(line.received ?? "—")", "期限 \(line.due ?? "—")", line.clockLabel]
                        .joined(separator: "\t"))
                }
            }
        }
    }
}

