import Foundation
import GongkaiCore

/// Holiday data files in the holiday-cn per-year schema: the years bundled with Gongkai
/// (2004–2026, from the State Council notices as transcribed by the `chinesecalendar` package;
/// see scripts/make-calendar-data.py) and files users import for new years.
public enum HolidayData {
    public static func bundledYears() throws -> [HolidayYear] {
        guard let directory = Bundle.module.url(forResource: "Holidays", withExtension: nil) else { return [] }
        return try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "json" }
            .map { try decode(Data(contentsOf: $0), fileName: $0.lastPathComponent) }
            .sorted { $0.year < $1.year }
    }

    public enum Failure: Error, Equatable, CustomStringConvertible {
        case malformed(String, String)
        case invalid(String, [String])

        public var description: String {
            switch self {
            case .malformed(let file, let reason): "“\(file)”不是节假日数据文件（应为 {year, papers, days:[{name, date, isOffDay}]} 格式的 JSON）：\(reason)"
            case .invalid(let file, let problems): "“\(file)”中的数据有误：" + problems.joined(separator: "；")
            }
        }
    }

    public static func decode(_ data: Data, fileName: String) throws -> HolidayYear {
        let year: HolidayYear
        do {
            year = try JSONDecoder().decode(HolidayYear.self, from: data)
        } catch let DecodingError.dataCorrupted(context) {
            throw Failure.malformed(fileName, context.debugDescription)
        } catch let DecodingError.keyNotFound(key, _) {
            throw Failure.malformed(fileName, "缺少字段“\(key.stringValue)”")
        } catch let DecodingError.typeMismatch(_, context) {
            throw Failure.malformed(fileName, "字段“\(context.codingPath.map(\.stringValue).joined(separator: "."))”类型不对")
        } catch {
            throw Failure.malformed(fileName, "无法解析")
        }
        let problems = year.problems()
        guard problems.isEmpty else { throw Failure.invalid(fileName, problems) }
        return year
    }

    public static func encode(_ year: HolidayYear) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(year)
    }
}
