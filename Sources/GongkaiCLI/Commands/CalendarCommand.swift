import ArgumentParser
import Foundation
import GongkaiCore
import GongkaiInterchange
import GongkaiStore

/// `gongkai calendar import FILE.json` · `gongkai calendar show YEAR`
struct CalendarCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "calendar", abstract: "法定节假日与调休安排。",
                                                    subcommands: [Import.self, Show.self])

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "导入或替换一年的节假日安排（holiday-cn 格式 JSON），并重算受影响的到期日。")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "JSON 文件：{year, papers, days:[{name, date, isOffDay}]}") var file: String

        func run() async throws {
            try await reportingErrors {
                let url = URL(fileURLWithPath: file)
                guard let data = try? Data(contentsOf: url) else { throw UserFacingError("无法读取“\(file)”：文件不存在或无权读取。") }
                let year: HolidayYear
                do { year = try HolidayData.decode(data, fileName: url.lastPathComponent) } catch let failure as HolidayData.Failure {
                    throw UserFacingError(failure.description)
                }
                let outcome = try await database.withDatabase { db in
                    try await CalendarRepository(db).importYear(year, source: url.lastPathComponent, bundled: try HolidayData.bundledYears())
                }
                let off = year.days.filter(\.isOffDay).count
                print("\(outcome.replaced ? "已替换" : "已导入")\(year.year)年节假日安排：休息\(off)天，调休上班\(year.days.count - off)天。")
                print("重新计算了\(outcome.recomputed)个到期日，其中\(outcome.changed)个发生变化。")
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "显示某年的节假日与调休上班日。")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "年份，如 2026。") var year: Int
        @Flag(help: "以 holiday-cn 格式 JSON 输出。") var json = false

        func run() async throws {
            try await reportingErrors {
                let calendar = try await database.workingCalendar()
                guard let data = calendar.years[year] else {
                    print("\(year)年尚无节假日安排数据：只按周末计算，结果标为临时（provisional）。可用 gongkai calendar import 导入。")
                    return
                }
                if json { print(String(decoding: try HolidayData.encode(data), as: UTF8.self)); return }
                print("\(year)年节假日安排（来源：\(data.papers.isEmpty ? "随程序附带的数据" : data.papers.joined(separator: "；"))）")
                for day in data.days {
                    print("\(day.date)  星期\(day.date.weekdayChinese)  \(day.isOffDay ? "休息" : "上班（调休）")  \(day.name)")
                }
            }
        }
    }
}
