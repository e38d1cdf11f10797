/// Line diff (longest common subsequence) for the review screen.
enum TextDiff {
    /// Stored flags, not computed ones: Mustache reads views by reflection and sees stored properties only.
    struct Line: Sendable {
        var text: String
        var change: String   // "same", "added", "removed"
        var added: Bool
        var removed: Bool

        init(text: String, change: String) {
            self.text = text
            self.change = change
            added = change == "added"
            removed = change == "removed"
        }
    }

    static func lines(_ old: String, _ new: String) -> [Line] {
        let a = old.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let b = new.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var result: [Line] = []
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] {
                result.append(Line(text: a[i], change: "same")); i += 1; j += 1
            } else if j < b.count, i == a.count || table[i][j + 1] >= table[i + 1][j] {
                result.append(Line(text: b[j], change: "added")); j += 1
            } else {
                result.append(Line(text: a[i], change: "removed")); i += 1
            }
        }
        return result
    }
}
