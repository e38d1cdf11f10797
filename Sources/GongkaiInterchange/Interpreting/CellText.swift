import Foundation

/// Cleaning of cell text as it comes out of Word, PDF and web exports.
enum CellText {
    private static let bookmark = try! NSRegularExpression(pattern: #"\[bookmark:[^\]\n]*\]?"#)

    /// Drops `[bookmark: …]` markers that Word-to-text conversion leaves behind.
    static func removingArtifacts(_ text: String) -> String {
        guard text.includes("[bookmark") else { return text }
        let range = NSRange(text.startIndex..., in: text)
        return bookmark.stringByReplacingMatches(in: text, range: range, withTemplate: "")
    }

    static func hasArtifacts(_ text: String) -> Bool { text.includes("[bookmark") }

    static func isCJK(_ char: Character) -> Bool {
        guard let scalar = char.unicodeScalars.first else { return false }
        switch scalar.value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x3000...0x303F, 0xFF00...0xFFEF, 0x2018...0x201F:
            return true
        default:
            return false
        }
    }

    /// Removes spaces that PDF extraction or justified Word text put inside Chinese text:
    /// between two CJK characters, or between a CJK character and a digit ("2021 年 4 月").
    static func removingInnerSpaces(_ line: String) -> (String, removed: Bool) {
        let chars = Array(line)
        var result = ""
        result.reserveCapacity(chars.count)
        var removed = false
        var index = 0
        while index < chars.count {
            let char = chars[index]
            if char == " " || char == "\u{3000}" || char == "\u{A0}" {
                var end = index
                while end < chars.count, chars[end] == " " || chars[end] == "\u{3000}" || chars[end] == "\u{A0}" { end += 1 }
                if let before = result.last, end < chars.count, joinsWithoutSpace(before, chars[end]) {
                    removed = true
                } else if !result.isEmpty && end < chars.count {
                    result.append(" ")
                }
                index = end
                continue
            }
            result.append(char)
            index += 1
        }
        return (result, removed)
    }

    private static func joinsWithoutSpace(_ a: Character, _ b: Character) -> Bool {
        (isCJK(a) && (isCJK(b) || b.isNumber)) || (isCJK(b) && a.isNumber)
    }

    /// Multi-line cleaning for long texts (content, legal basis): artifacts out, inner spaces out,
    /// each line trimmed, runs of blank lines collapsed.
    static func clean(_ raw: String) -> (text: String, spacesRemoved: Bool) {
        var removedAny = false
        var lines: [String] = []
        for line in removingArtifacts(raw).split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            let (compact, removed) = removingInnerSpaces(String(line).trimmed)
            removedAny = removedAny || removed
            if compact.isEmpty, lines.last?.isEmpty ?? true { continue }
            lines.append(compact)
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return (lines.joined(separator: "\n"), removedAny)
    }

    /// One-line form for names and short fields: wrapped lines are joined, with no space between CJK.
    static func singleLine(_ raw: String) -> (text: String, spacesRemoved: Bool) {
        let (multi, removed) = clean(raw)
        var result = ""
        for line in multi.split(separator: "\n") {
            if let last = result.last, let first = line.first, !(isCJK(last) || isCJK(first) || last.isNumber && first.isNumber) {
                result.append(" ")
            }
            result += line
        }
        return (result, removed)
    }
}

/// A category cell: a name, maybe legend marks before it, maybe a six-digit code after it
/// (`政策法规\n010000`, `规划计划030000`, `★●行政权力运行结果\n210100`).
struct NameCell: Equatable {
    var name: String
    var code: String?
    var marks: String?

    private static let markCharacters: Set<Character> = ["★", "☆", "●", "○", "◆", "◇", "▲", "△", "■", "※"]

    static func parse(_ raw: String) -> NameCell {
        var text = CellText.removingArtifacts(raw)
        var code: String?
        let trimmed = text.trimmed
        let digits = trimmed.suffix(6)
        if digits.count == 6, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
           !trimmed.dropLast(6).trimmed.isEmpty,
           trimmed.dropLast(6).last.map({ !($0.isASCII && $0.isNumber) }) ?? false {
            code = String(digits)
            text = String(trimmed.dropLast(6))
        }
        var name = CellText.singleLine(text).text
        let marks = String(name.prefix { markCharacters.contains($0) })
        name.removeFirst(marks.count)
        return NameCell(name: name.trimmed, code: code, marks: marks.isEmpty ? nil : marks)
    }
}
