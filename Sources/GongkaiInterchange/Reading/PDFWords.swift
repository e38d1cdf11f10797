import Foundation

/// A word of a PDF page with its box, as poppler's `pdftotext -bbox-layout` gives it.
struct PDFWord: Sendable {
    var text: String
    var page: Int
    var xMin: Double
    var yMin: Double
    var xMax: Double
    var yMax: Double
}

/// Runs poppler's `pdftotext` (Debian `poppler-utils`) on a PDF and reads the words with their positions.
enum PDFWords {
    enum Failure: Error { case toolMissing, unreadable }

    static let tools = ["/usr/bin/pdftotext", "/usr/local/bin/pdftotext"]

    static func read(_ data: Data) throws -> (words: [PDFWord], pageHeights: [Double]) {
        guard let tool = tools.first(where: FileManager.default.isExecutableFile(atPath:)) else { throw Failure.toolMissing }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-pdf-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let input = directory.appendingPathComponent("in.pdf"), output = directory.appendingPathComponent("out.html")
        try data.write(to: input)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = ["-q", "-bbox-layout", "-enc", "UTF-8", input.path, output.path]
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0, let markup = try? String(contentsOf: output, encoding: .utf8) else { throw Failure.unreadable }
        return parse(markup)
    }

    private static let pagePattern = try! NSRegularExpression(pattern: #"<page\b[^>]*\bheight="([0-9.]+)""#)
    private static let wordPattern = try! NSRegularExpression(
        pattern: #"<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="([0-9.]+)">([^<]*)</word>"#)

    /// Reads the XHTML that `-bbox-layout` writes: pages, then words with their boxes.
    static func parse(_ markup: String) -> (words: [PDFWord], pageHeights: [Double]) {
        var heights: [(offset: Int, height: Double)] = []
        let whole = NSRange(markup.startIndex..., in: markup)
        for match in pagePattern.matches(in: markup, range: whole) {
            guard let height = Range(match.range(at: 1), in: markup).flatMap({ Double(markup[$0]) }) else { continue }
            heights.append((match.range.location, height))
        }
        var words: [PDFWord] = []
        for match in wordPattern.matches(in: markup, range: whole) {
            func number(_ group: Int) -> Double { Range(match.range(at: group), in: markup).flatMap { Double(markup[$0]) } ?? 0 }
            guard let textRange = Range(match.range(at: 5), in: markup) else { continue }
            let page = heights.lastIndex { $0.offset < match.range.location } ?? 0
            words.append(PDFWord(text: unescape(String(markup[textRange])), page: page, xMin: number(1), yMin: number(2),
                                 xMax: number(3), yMax: number(4)))
        }
        return (words, heights.map(\.height))
    }

    private static func unescape(_ text: String) -> String {
        guard text.includes("&") else { return text }
        return text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
