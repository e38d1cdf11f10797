import Foundation
import GongkaiCore

/// Finds the catalog's title, edition and agency in what the document says about itself:
/// its headings, a "单位：" line, or the names in its 公开主体/责任主体 columns.
enum AgencyRecognizer {
    /// Words that end the agency part of a title ("XX市卫生健康委员会｜政务公开事项标准目录", "XX医院｜院务公开目录").
    private static let titleCut = ["信息主动公开", "主动公开", "政务公开", "政府信息公开", "公开事项", "重点领域", "基本目录", "标准目录",
                                   "院务公开", "校务公开", "厂务公开", "办事公开", "公开目录", "目录"]
    /// How the names of agencies and public institutions (which publish catalogs too) end.
    private static let agencySuffixes = ["局", "委", "委员会", "办公室", "中心", "政府", "院", "厅", "学校", "中学", "小学", "大学",
                                         "幼儿园", "馆", "所", "站", "会", "部", "署", "队", "处", "办", "公司", "集团"]
    /// Footer labels of web pages: the site's operator, not the catalog's agency.
    private static let siteLabels = ["主办", "承办", "协办", "技术支持", "运维", "维护", "建设", "版权"]
    private static let trailingYear = try! NSRegularExpression(pattern: #"[（(]?(?:\d{4}|[〇零一二三四五六七八九]{4})年度?[）)]?$"#)
    /// "市医疗保障局高青分局办公室", "清河县人民医院医务科": the agency, then one of its offices.
    private static let departmentPrefix = try! NSRegularExpression(
        pattern: #"^(.*?(?:局|委员会|医院|卫生院|学校|中学|小学)(?:\p{Han}{1,6}?分局)?)(\p{Han}{2,}(?:科|室|中心|处|部))$"#)
    private static let versionPattern = try! NSRegularExpression(pattern: #"[（(]((?:\d{4}年?)?(?:版|修订版)|试行|暂行)[）)]"#)

    static func headingText(_ raw: String) -> String {
        raw.trimmingCharacters(in: CharacterSet(charactersIn: "# ").union(.whitespaces))
    }

    static func title(in headings: [String]) -> String? {
        headings.map(headingText).first(where: isTitle)
    }

    /// A heading that names a 目录 and is not a sentence about it ("现将…目录公布如下。").
    static func isTitle(_ text: String) -> Bool {
        guard text.includes("目录"), text.count <= 60, !text.contains(where: { "。，；>＞»›".contains($0) }) else { return false }
        // "当前位置：…", "栏目：…" label page metadata; "附件1：…目录" is a title.
        if let colon = text.firstIndex(where: { $0 == "：" || $0 == ":" }), text.distance(from: text.startIndex, to: colon) <= 6 {
            return text.hasPrefix("附件")
        }
        return true
    }

    static func version(of title: String) -> String? {
        let range = NSRange(title.startIndex..., in: title)
        guard let match = versionPattern.firstMatch(in: title, range: range), let r = Range(match.range(at: 1), in: title) else { return nil }
        return String(title[r])
    }

    /// Agency names named by headings ("单位：灌南县医疗保障局", "郓城县医疗保障局重点领域"), longest first.
    /// Labelled lines other than "单位：" ("发布时间：…", "来源：…") are page metadata, not titles.
    static func fromHeadings(_ headings: [String]) -> [String] {
        var found: [String] = []
        for heading in headings.map(headingText) {
            var text = Substring(heading)
            if let colon = heading.firstIndex(where: { $0 == "：" || $0 == ":" }) {
                let label = heading[..<colon].trimmed
                let value = heading[heading.index(after: colon)...].trimmed
                if label.hasSuffix("单位") {
                    if !siteLabels.contains(where: { label.hasPrefix($0) }), let name = value.split(whereSeparator: \.isWhitespace).first {
                        found.append(String(name))
                    }
                    continue
                }
                if label.hasPrefix("附件") { text = Substring(value) } else if label.count <= 6 { continue }
            }
            let cut = titleCut.compactMap { text.range(of: $0)?.lowerBound }.min() ?? text.endIndex
            var prefix = text[..<cut].trimmed
            if let quote = prefix.lastIndex(of: "《") { prefix = String(prefix[prefix.index(after: quote)...]) }
            let range = NSRange(prefix.startIndex..., in: prefix)
            prefix = trailingYear.stringByReplacingMatches(in: prefix, range: range, withTemplate: "").trimmed
            // A name, not a clause of a sentence ("根据《…办法》，本院").
            guard !prefix.contains(where: { "，。；、《》“”：".contains($0) }) else { continue }
            if !prefix.isEmpty, agencySuffixes.contains(where: { prefix.hasSuffix($0) }) { found.append(prefix) }
        }
        return unique(found).sorted { $0.count > $1.count }
    }

    /// The most frequent agency-like 公开主体, or agency prefix of 责任主体 ("市医疗保障局高青分局办公室").
    static func fromColumns(publishers: [String], responsible: [String]) -> String? {
        var counts: [String: Int] = [:]
        for publisher in publishers where publisher.hasSuffix("局") || (publisher.count >= 4 && publisher.count <= 30
                                                                         && agencySuffixes.contains(where: publisher.hasSuffix)
                                                                         && !publisher.hasSuffix("办公室")) {
            counts[publisher, default: 0] += 1
        }
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
