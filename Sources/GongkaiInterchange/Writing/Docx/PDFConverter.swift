import Foundation
import GongkaiCore

/// Converts a .docx to PDF with LibreOffice headless (`LibreOfficeRun`), with Chinese font substitutes
/// (`LibreOfficeFonts`) unless FONTCONFIG_FILE is set already.
public enum PDFConverter {
    /// The Debian package that provides LibreOffice Writer without a desktop.
    public static let package = "libreoffice-writer-nogui"

    /// The PDF of a .docx; throws `DocumentExportError.needsLibreOffice` when LibreOffice is not installed.
    public static func pdf(fromDocx docx: Data) throws -> Data {
        try convert(docx, soffice: LibreOfficeRun.locate())
    }

    static func convert(_ docx: Data, soffice: URL?, timeLimit: TimeInterval = LibreOfficeRun.timeLimit) throws -> Data {
        guard let soffice else { throw DocumentExportError.needsLibreOffice(package: package) }
        let pdf: Data
        do {
            pdf = try LibreOfficeRun(soffice: soffice, timeLimit: timeLimit)
                .convert(docx, inputName: "document.docx", target: "pdf:writer_pdf_Export", outputName: "document.pdf", withChineseFonts: true)
        } catch let failure as LibreOfficeRun.Failure {
            let reason = switch failure {
            case .cannotWrite(let directory): "无法写入临时目录 \(directory)"
            case .cannotStart(let program): "无法启动 \(program)"
            case .timedOut(let seconds): "转换超过\(seconds)秒仍未完成"
            case .noOutput(let error): "LibreOffice 没有生成 PDF" + (error.isEmpty ? "" : "（\(error)）")
            }
            throw DocumentExportError.conversionFailed(reason: reason)
        }
        guard pdf.starts(with: Data("%PDF".utf8)) else { throw DocumentExportError.conversionFailed(reason: "LibreOffice 没有生成 PDF") }
        return pdf
    }
}
