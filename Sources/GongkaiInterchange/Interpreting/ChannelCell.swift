import Foundation
import GongkaiCore

/// Reads a 公开渠道和载体 cell: checkbox glyphs (■ □ þ ¨ √ ☑ ☐), HTML `<input type="checkbox" checked>`
/// markup, or plain text naming where the item is published.
enum ChannelCell {
    struct Reading {
        var marks: [ChannelMark]
        /// Text next to no checkbox, or before the first one (e.g. the tail of a split cell).
        var unmatched: [String]
        /// The channels were taken from plain text, not from checkboxes.
        var inferredFromText: Bool
    }

    private static let checkedGlyphs: Set<Character> = ["■", "þ", "√", "☑", "✓", "✔", "☒"]
    private static let uncheckedGlyphs: Set<Character> = ["□", "¨", "☐"]
    private static let numbering = try! NSRegularExpression(pattern: #"(?:^|\s+)\d{1,2}[.、．](?!\d)\s*"#)
    private static let inputTag = try! NSRegularExpression(pattern: #"<input\b[^>]*>"#, options: [.caseInsensitive])

    static func read(_ raw: String) -> Reading {
        let text = replacingMouthBoxes(replacingInputTags(raw))
        guard text.contains(where: { checkedGlyphs.contains($0) || uncheckedGlyphs.contains($0) }) else {
            return plainText(text)
        }
        var marks: [ChannelMark] = []
        var unmatched: [String] = []
        var label = ""
        var checked: Bool?
        func flush() {
            let compact = label.filter { !$0.isWhitespace }
            if let state = checked {
                if !compact.isEmpty { marks.append(ChannelMark(label: compact, checked: state)) }
            } else if !compact.isEmpty {
                unmatched.append(compact)
            }
            label = ""
        }
        for char in text {
            if checkedGlyphs.contains(char) || uncheckedGlyphs.contains(char) {
                flush()
                checked = checkedGlyphs.contains(char)
            } else {
                label.append(char)
            }
        }
        flush()
        return Reading(marks: marks, unmatched: unmatched, inferredFromText: false)
    }

    /// Some pages type the Chinese character 口 for an empty box ("口政府公报"): read it as □ where boxes are
    /// in use and a channel name follows it.
    private static func replacingMouthBoxes(_ text: String) -> String {
        guard text.includes("口"), text.contains(where: { checkedGlyphs.contains($0) || uncheckedGlyphs.contains($0) }) else { return text }
        let starts = Channel.allCases.map { String($0.label.prefix(2)) } + ["政务", "政府", "社区", "村", "纸质", "公开", "宣传", "微信", "门户"]
        var result = ""
        var rest = Substring(text)
        while let char = rest.first {
            rest = rest.dropFirst()
            if char == "口", starts.contains(where: { rest.hasPrefix($0) }) { result.append("□") } else { result.append(char) }
        }
        return result
    }

    /// `<input checked="" type="checkbox"/>` → ☑, `<input type="checkbox"/>` → ☐.
    private static func replacingInputTags(_ text: String) -> String {
        guard text.includes("<input") else { return text }
        var result = text
        let matches = inputTag.matches(in: text, range: NSRange(text.startIndex..., in: text)).reversed()
        for match in matches {
            guard let range = Range(match.range, in: result) else { continue }
            let tag = result[range].lowercased()
            result.replaceSubrange(range, with: tag.includes("checked") ? " ☑" : " ☐")
        }
        return result
    }

    /// Plain text such as "郓城县政府网站" or "“高青县人民政府”网站公开": a site named there is a 政府网站;
    /// anything else is kept as its own channel, as written.
    private static func plainText(_ raw: String) -> Reading {
        // "1.政府网站 2.两微一端": a numbered list is a list.
        let text = numbering.stringByReplacingMatches(in: raw, range: NSRange(raw.startIndex..., in: raw), withTemplate: "\n")
        var parts = text.split(whereSeparator: { "、，,；;\n".contains($0) })
            .map { $0.trimmed }.filter { !$0.isEmpty }
        // "政府网站 政府公报 两微一端": standard names separated by spaces (checkboxes lost in a conversion).
        let words = text.split(whereSeparator: \.isWhitespace).map(String.init)
        if words.count > 1, words.allSatisfy({ Channel.matching($0) != nil }) { parts = words }
        var marks: [ChannelMark] = []
        for part in parts {
            let compact = part.filter { !$0.isWhitespace }
            if let standard = Channel.matching(compact) {
                marks.append(ChannelMark(name: standard.label, standard: standard, checked: true))
            } else if parts.count == 1, compact.includes("网站") && !compact.includes("门户") {
                marks.append(ChannelMark(name: Channel.website.label, standard: .website, checked: true))
            } else {
                marks.append(ChannelMark(name: compact, standard: nil, checked: true))
            }
        }
        return Reading(marks: marks, unmatched: [], inferredFromText: true)
    }
}
