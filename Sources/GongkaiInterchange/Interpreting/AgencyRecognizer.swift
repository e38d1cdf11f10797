import Foundation
import GongkaiCore

/// Finds the catalog's title, edition and agency in what the document says about itself:
/// its headings, a "单位：" line, or the names in its 公开主体/责任主体 columns.
enum AgencyRecognizer {
    private static let titleCut = ["信息主动公开", "主动公开", "政务公开", "政府信息公开", "公开事项", "重点领域", "基本目录", "标准目录"]
    private static let agencySuffixes = ["局", "委", "委员会", "办公室", "中心", "政府", "院", "厅"]
    private static let departmentPrefix = try! NSRegularExpression(pattern: #"^(.*?局(?:\p{Han}{1,6}?分局)?)(\p{Han}{2,}(?:科|室|中心|处))$"#)
    private static let versionPattern = try! NSRegularExpression(pattern: #"[（(]((?:\d{4}年?)?(?:版|修订版)|试行|暂行)[）)]"#)

    static func headingText(_ raw: String) -> String {
        raw.trimmingCharacters(in: CharacterSet(charactersIn: "# ").union(.whitespaces))
    }

    static func title(in headings: [String]) -> String? {
        headings.map(headingText).first { $0.includes("目录") }
    }

    static func version(of title: String) -> String? {
        let range = NSRange(title.startIndex..., in: title)
        guard let match = versionPattern.firstMatch(in: title, range: range), let r = Range(match.range(at: 1), in: title) else { return nil }
        return String(title[r])
    }

    /// Agency names named by headings ("单位：灌南县医疗保障局", "郓城县医疗保障局重点领域"), longest first.
    static func fromHeadings(_ headings: [String]) -> [String] {
        var found: [String] = []
        for heading in headings.map(headingText) {
            if let colon = heading.firstIndex(where: { $0 == "：" || $0 == ":" }), heading[..<colon].hasSuffix("单位") {
                found.append(heading[heading.index(after: colon)...].trimmed)
                continue
            }
            let cut = titleCut.compactMap { heading.range(of: $0)?.lowerBound }.min() ?? heading.endIndex
            let prefix = heading[..<cut].trimmed
            if !prefix.isEmpty, agencySuffixes.contains(where: { prefix.hasSuffix($0) }) { found.append(prefix) }
        }
        return unique(found).sorted { $0.count > $1.count }
    }

    /// The most frequent agency-like 公开主体, or agency prefix of 责任主体 ("市医疗保障局高青分局办公室").
    static func fromColumns(publishers: [String], responsible: [String]) -> String? {
        var counts: [String: Int] = [:]
        for publisher in publishers where publisher.hasSuffix("局") { counts[publisher, default: 0] += 1 }
        for text in responsible {
            for piece in text.split(whereSeparator: { "、，,/".contains($0) }) {
                let name = String(piece)
                let range = NSRange(name.startIndex..., in: name)
                if let match = departmentPrefix.firstMatch(in: name, range: range), let r = Range(match.range(at: 1), in: name) {
                    counts[String(name[r]), default: 0] += 1
                }
            }
        }
        return counts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
    }

    /// A name like "市医疗保障局" names no place: the user must say which city.
    static func lacksPlace(_ name: String) -> Bool {
        ["市", "县", "区", "省"].contains { name.hasPrefix($0) }
    }
}
