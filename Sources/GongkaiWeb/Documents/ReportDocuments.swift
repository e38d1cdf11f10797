import Foundation
import GongkaiCore
import GongkaiInterchange
import Hummingbird

/// The annual report as .docx or PDF (LibreOffice headless). Published versions never change, so their files are
/// kept in memory by agency, year and version: LibreOffice runs once per published version, not per download, and
/// off the request threads.
struct ReportDocuments: Sendable {
    let cache = FileCache()

    func download(_ report: AnnualReport, publishedOn: CivilDate?, format: String, cacheKey: String? = nil) async throws -> Response {
        let key = cacheKey.map { "\($0).\(format)" }
        let data: Data
        if let key, let cached = await cache.file(key) {
            data = cached
        } else {
            data = try await Self.make(report, publishedOn: publishedOn, format: format)
            if let key { await cache.put(key, data) }
        }
        let type = format == "pdf" ? "application/pdf" : "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        let title = AnnualReportWriter.title(report)
        let name = "\(title).\(format)".addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "report.\(format)"
        return Response(status: .ok, headers: [
            .contentType: type,
            .contentDisposition: "attachment; filename=\"annual-report-\(report.year).\(format)\"; filename*=UTF-8''\(name)",
            .cacheControl: cacheKey == nil ? "no-store" : "public, max-age=300",
        ], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func make(_ report: AnnualReport, publishedOn: CivilDate?, format: String) async throws -> Data {
        switch format {
        case "docx":
            return try AnnualReportWriter.docx(report, publishedOn: publishedOn)
        case "pdf":
            do {
                return try await withCheckedThrowingContinuation { continuation in
                    DispatchQueue.global().async {
                        continuation.resume(with: Result { try AnnualReportWriter.pdf(report, publishedOn: publishedOn) })
                    }
                }
            } catch {
                throw WebError(status: .serviceUnavailable, message: "暂时无法生成 PDF（\(error)），请下载 Word 版本。")
            }
        default:
            throw WebError.badRequest("格式应为 docx 或 pdf。")
        }
    }

    actor FileCache {
        private var files: [String: Data] = [:]

        func file(_ key: String) -> Data? { files[key] }

        func put(_ key: String, _ data: Data) {
            if files.count > 200 { files.removeAll() }
            files[key] = data
        }
    }
}
