import Foundation
@testable import GongkaiInterchange

/// Reading back what the .docx writer produced, and running poppler's tools on PDFs.
enum DocxTestSupport {
    static func part(_ docx: Data, _ path: String) throws -> XMLElementNode {
        guard let data = try DocxPackage.entries(docx)[path] else { throw Missing.part(path) }
        return try XMLElementNode.parse(data)
    }

    /// The body's paragraphs outside tables, as text, in order.
    static func paragraphs(_ docx: Data) throws -> [String] {
        guard let body = try part(docx, "word/document.xml").descendants("body").first else { throw Missing.part("w:body") }
        return body.children("p").map(text)
    }

    static func text(_ paragraph: XMLElementNode) -> String {
        var text = ""
        func walk(_ node: XMLElementNode) {
            switch node.name {
            case "t": text += node.text
            case "tab": text += "\t"
            case "br": text += "\n"
            default: node.children.forEach(walk)
            }
        }
        walk(paragraph)
        return text
    }

    /// An executable on PATH or in /usr/bin.
    static func tool(_ name: String) -> URL? {
        let path = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map { "\($0)/\(name)" }
        return (path + ["/usr/bin/\(name)"]).first { FileManager.default.isExecutableFile(atPath: $0) }.map(URL.init(fileURLWithPath:))
    }

    /// Runs a tool to completion; its standard output.
    static func run(_ tool: URL, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = tool
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }

    enum Missing: Error { case part(String) }
}

