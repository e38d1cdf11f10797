import Foundation
import GongkaiCore

/// The searchable text of an attachment: paragraphs and table cells of Word and Excel files, and what
/// poppler's `pdftotext` reads from a PDF (when it is installed; scanned PDFs have no text to read). Images
/// have none. Nil means "no text could be read", never an error: the attachment is stored either way.
public enum AttachmentText {
    /// Longer texts are cut: the search index is for finding a document, not for storing a book.
    public static let maxCharacters = 200_000

    /// Runs off the cooperative thread pool: reading a large file or waiting for pdftotext blocks.
    public static func extract(_ data: Data, type: AttachmentType) async -> String? {
        await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .utility).async { continuation.resume(returning: extractNow(data, type: type)) }
        }
    }

    static func extractNow(_ data: Data, type: AttachmentType) -> String? {
        let text: String?
        switch type {
        case .docx, .xlsx: text = office(data)
        case .pdf: text = pdf(data)
        case .png, .jpeg, .gif: text = nil
        }
        guard let text = text?.trimmed, !text.isEmpty else { return nil }
        return String(text.prefix(maxCharacters))
    }

    static func office(_ data: Data) -> String? {
        guard let (document, _, _) = try? OfficeReader.read(data, fileName: "attachment") else { return nil }
        return document.blocks.compactMap { block -> String? in
            switch block {
            case .text(let text, _): text
            case .row(let row): row.cells.map(\.text).filter { !$0.isEmpty }.joined(separator: " ")
            default: nil
            }
        }.filter { !$0.isEmpty }.joined(separator: "\n")
    }

    static let pdftotextPaths = ["/usr/bin/pdftotext", "/usr/local/bin/pdftotext"]

    static func pdf(_ data: Data) -> String? {
        guard let tool = pdftotextPaths.first(where: FileManager.default.isExecutableFile(atPath:)) else { return nil }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-pdf-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let input = directory.appendingPathComponent("in.pdf"), output = directory.appendingPathComponent("out.txt")
            try data.write(to: input)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: tool)
            process.arguments = ["-q", "-enc", "UTF-8", input.path, output.path]
            try process.run()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else { return nil }
            return try String(contentsOf: output, encoding: .utf8)
        } catch {
            return nil
        }
    }
}
